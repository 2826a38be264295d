"""cashier-desktop: the terminal at a casino's cashier cage."""

__version__ = "0.1.0"
