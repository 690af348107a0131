"""Which 经济分类 类 make up 人员经费 and which 公用经费 (spec §5.2: the 决算 表6 footer and the
预算 表6 columns): 人员经费 = 301 + 303; 公用经费 = 302 + 307 + 310 + 399. One declaration for
the specs, the 底稿 vocabulary and the narrative draft."""

PERSONNEL_CLASSES: tuple[str, ...] = ("301", "303")
PUBLIC_CLASSES: tuple[str, ...] = ("302", "307", "310", "399")
