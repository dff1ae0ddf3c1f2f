"""The web platform (Flask, Socket.IO, database). Built on the pure core; see issue 3."""
