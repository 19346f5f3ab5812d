"""Every rule of the data as a small check that ``pingan validate`` runs and that reports
``Problem(file, line, column, message)``."""
