"""Layer 1: Chinese text. Numbers as a Chinese reader reads them (``parse_number``), every number
in a text with its span (``extract_numbers``), matching on whitespace-free text, and the
source articles looked up by id (``_sources``: of the curated tables it reads only the articles'
``source_file``, to find each text)."""
from pingan.text._matching import count_terms, find_term, squash_ws
from pingan.text._numbers import Number, NumberParseError, parse_number
from pingan.text._sources import SourcesNotFoundError, article_texts
from pingan.text._spotter import SpottedNumber, extract_numbers

__all__ = ["Number", "NumberParseError", "parse_number", "SpottedNumber", "extract_numbers", "squash_ws",
           "find_term", "count_terms", "SourcesNotFoundError", "article_texts"]
