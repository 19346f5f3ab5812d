"""Layer 2: the data package. Its contract (``datapackage.json``), reading each CSV strictly,
the checks every rule of the data runs as (``pingan.package.checks``), loading the validated
tables, selecting articles, and the vocabulary charts and tables share (every phrase in English
and Chinese, from ``phrases.csv``; city names and colours, from the data)."""
from pingan.package._loading import TABLES, load, load_all, validate

__all__ = ["TABLES", "load", "load_all", "validate"]
