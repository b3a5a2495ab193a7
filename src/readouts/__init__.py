"""readouts: diplomatic readouts in, a cross-linked static documentary site out."""

__version__ = "0.1.0"
