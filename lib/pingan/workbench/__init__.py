"""Layer 5, the top: what curators and maintainers run. The command line (``pingan``), drafting
rows for a new article, adding an article, the CSV/Parquet export, the figure export, the static
site, re-executing notebooks. Nothing below imports it."""
