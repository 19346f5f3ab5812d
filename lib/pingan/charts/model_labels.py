"""Human labels for the model: template families, tiers and link relations, in English and Chinese.

One place for them (charts and tables both read it); nothing here imports Altair. The
Chinese template terms and their pinyin follow ../shared/notes/governance-families.md.

    family_label("grid-management", "en")               # "Grid management"
    family_label("grid-management", "en", terms=True)   # "Grid management (网格化管理, wǎnggéhuà guǎnlǐ)"
    family_label("grid-management", "zh", terms=True)   # "网格化管理(wǎnggéhuà guǎnlǐ)"
"""
from __future__ import annotations

from .style import check_lang

__all__ = ["FAMILY_LABELS", "TIER_LABELS", "TIER_ORDER", "RELATION_LABELS", "family_label", "tier_label",
           "relation_label", "is_template"]

# slug -> (English, Chinese label, the template's Chinese term, its pinyin)
FAMILY_LABELS = {
    "grid-management": ("Grid management", "网格化管理", "网格化管理", "wǎnggéhuà guǎnlǐ"),
    "four-platforms": ("Four township platforms", "基层治理四平台", "基层治理四平台", "jīcéng zhìlǐ sì píngtái"),
    "mediation-centre": ("One-stop dispute centre", "矛调中心", "矛调中心", "máotiáo zhōngxīn"),
    "peoples-mediation": ("People's mediation", "人民调解", "人民调解", "rénmín tiáojiě"),
    "fengqiao": ("Fengqiao experience", "枫桥经验", "枫桥经验", "Fēngqiáo jīngyàn"),
    "three-governances": ("Three governances combined", "三治融合", "三治融合", "sān zhì rónghé"),
    "party-building-led": ("Party-building in the lead", "党建引领", "党建引领", "dǎngjiàn yǐnlǐng"),
    "video-surveillance": ("Video surveillance (Sharp Eyes)", "雪亮工程", "雪亮工程", "xuěliàng gōngchéng"),
    "digital-governance": ("Digital governance", "数字化治理", "数字化", "shùzìhuà"),
    "mass-prevention": ("Mass prevention", "群防群治", "群防群治", "qúnfáng qúnzhì"),
    "accountability": ("Accountability", "考核问责", "平安报表", "píng'ān bàobiǎo"),
    "village-supervision": ("Village supervision (Houchen)", "村务监督", "后陈经验", "Hòuchén jīngyàn"),
    "cross-border": ("Cross-border governance", "跨界联治", "跨省毗邻", "kuà shěng pílín"),
    "special-campaigns": ("Special campaigns", "专项整治", "专项整治", "zhuānxiàng zhěngzhì"),
    "service-reform": ("Service reform (run at most once)", "最多跑一次改革", "最多跑一次", "zuìduō pǎo yī cì"),
    "local": ("Local invention", "本地创新", "", ""),
}

# top to bottom on the architecture chart
TIER_ORDER = ("province", "cross-border", "city", "county", "township", "village", "grid")
TIER_LABELS = {
    "province": ("Province", "省"),
    "cross-border": ("Across borders", "跨界"),
    "city": ("City", "市"),
    "county": ("County or district", "县(市、区)"),
    "township": ("Township", "乡镇(街道)"),
    "village": ("Village or community", "村(社区)"),
    "grid": ("Grid", "网格"),
}

# relation -> (English verb phrase, Chinese)
RELATION_LABELS = {
    "escalates-to": ("escalates to", "上报至"),
    "feeds": ("passes reports to", "推送至"),
    "supervises": ("leads", "引领"),
    "coordinates-with": ("works with", "协同"),
    "part-of": ("is part of", "属于"),
}


def is_template(family: str) -> bool:
    """A provincial (or national) template, as opposed to a local invention."""
    return family != "local"


def family_label(slug: str, lang: str = "en", *, terms: bool = False) -> str:
    """A template family as a reader says it; ``terms=True`` adds its Chinese term and pinyin."""
    check_lang(lang)
    if slug not in FAMILY_LABELS:
        raise ValueError(f"no label for family {slug!r}; the families are: {', '.join(FAMILY_LABELS)}")
    en, zh, term, pinyin = FAMILY_LABELS[slug]
    if lang == "zh":
        return f"{zh}({pinyin})" if terms and pinyin and term == zh else (f"{zh}({term},{pinyin})" if terms and pinyin else zh)
    return f"{en} ({term}, {pinyin})" if terms and term else en


def tier_label(tier: str, lang: str = "en") -> str:
    check_lang(lang)
    if tier not in TIER_LABELS:
        raise ValueError(f"no label for tier {tier!r}; the tiers are: {', '.join(TIER_LABELS)}")
    return TIER_LABELS[tier][0 if lang == "en" else 1]


def relation_label(relation: str, lang: str = "en") -> str:
    check_lang(lang)
    if relation not in RELATION_LABELS:
        raise ValueError(f"no label for relation {relation!r}; the relations are: {', '.join(RELATION_LABELS)}")
    return RELATION_LABELS[relation][0 if lang == "en" else 1]
