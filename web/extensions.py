"""The Flask extensions, created unbound and attached to an app by `web.create_app`."""

from typing import TYPE_CHECKING

from flask_login import LoginManager
from flask_migrate import Migrate
from flask_socketio import SocketIO
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """Declarative base of the platform's models."""


db = SQLAlchemy(model_class=Base)
if TYPE_CHECKING:
    Model = Base  # what a type checker can see of `db.Model`, which Flask-SQLAlchemy makes from Base at run time
else:
    Model = db.Model  # the base class of every table of web.models
migrate = Migrate()
socketio = SocketIO()
login_manager = LoginManager()
csrf = CSRFProtect()
