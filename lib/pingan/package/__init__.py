"""Layer 2: the data package. Its contract (``datapackage.json``), reading each CSV strictly,
the checks every rule of the data runs as (``pingan.package.checks``), loading the validated
tables, selecting articles, and the vocabulary (labels, city names and colours) charts and
tables share."""
from pingan.package._loading import TABLES, load, load_all, validate

__all__ = ["TABLES", "load", "load_all", "validate"]
