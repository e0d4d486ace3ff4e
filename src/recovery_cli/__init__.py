"""recovery: guided service recovery for support agents, trainers and scripts."""

__version__ = "0.1.0"
