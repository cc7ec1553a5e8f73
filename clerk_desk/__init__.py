"""clerk_desk: the core of the comprehensive-window workbench (plain Python, no Qt)."""

__version__ = "0.1.0"
