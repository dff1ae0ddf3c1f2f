"""The command-line commands behind `run.py`: each module one subcommand."""
