"""Labels as readers see them, in English (``lang="en"``) or Chinese (``"zh"``): provincial
templates (families), tiers, link relations, practice categories, how far a reference was
confirmed in search, and one name and one colour per city."""
from pingan.package._vocabulary import (CITY_COLORS, CITY_NAMES, category_label, family_label, relation_label,
                                        tier_label, verified_label)

__all__ = ["CITY_COLORS", "CITY_NAMES", "category_label", "family_label", "relation_label", "tier_label", "verified_label"]
