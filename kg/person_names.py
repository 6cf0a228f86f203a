"""A person's name as a key that spellings share: transliteration variants and middle initials.

Names written in another script reach English news in several romanisations: a Ukrainian
surname ending in -ий is "-y", "-yy", "-iy" or "-ii"; Russian "Сергей" is "Sergey" or
"Sergei", "Дмитрий" "Dmitry", "Dmitriy" or "Dmitri"; Arabic names double or drop a consonant
("Mohammed", "Mohamed") and write a long u as "ou" or "u" ("Mahmoud", "Mahmud"). The key folds
those differences and nothing else: a different vowel or consonant keeps two names apart.
"""
from __future__ import annotations

import re

from kg.resolve import slug

# Particles inside names: "Rafael de la Cruz", "Anna von der Brück", "Ahmed bin Khalifa".
NAME_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "van", "von", "der", "den", "ter",
                            "ten", "zu", "la", "le", "bin", "bint", "ibn", "ben", "ould", "al",
                            "el", "y", "del", "della", "di", "du", "af"})
# Letter groups that romanisations write differently for one sound (applied in this order).
_SAME_SOUND = (
    ("dzh", "j"),    # Джамшид: Dzhamshid / Jamshid
    ("tch", "ch"),   # French-style Tch- / English Ch-
    ("kh", "h"),     # Х: Khalid / Halid, Mikhail / Mihail
    ("ph", "f"),     # Mustapha / Mustafa
    ("ou", "u"),     # Mahmoud / Mahmud, Youssef / Yussef
    ("x", "ks"),     # Alexandr / Aleksandr
    ("ee", "i"),     # Sheeren / Shiren
)
# Word-initial iotated vowels: Yevgeny / Evgeny, Iulia / Yulia, Iana / Yana
_INITIAL = (("ye", "e"), ("iu", "yu"), ("ia", "ya"))
# Endings after a consonant: -ий/-ый as -iy, -yy, -ii, -yi, -y or -i; -ей as -ey or -ei
_ENDING = re.compile(r"(?<=[^aeiouy])(iy|yy|ii|yi|y)$")
_SUFFIXES = {"jr", "sr"}


def fold_word(word: str) -> str:
    """One word of a name in its transliteration-neutral form: "zelenskyy" -> "zelenski"."""
    folded = slug(word).replace("-", "")
    for written, sound in _SAME_SOUND:
        folded = folded.replace(written, sound)
    for written, sound in _INITIAL:
        if folded.startswith(written):
            folded = sound + folded[len(written):]
    folded = re.sub(r"(.)\1+", r"\1", folded)   # Mohammed / Mohamed, Zabolotnyy
    folded = _ENDING.sub("i", folded)
    return folded[:-2] + "ei" if folded.endswith("ey") else folded


def name_key(name: str) -> tuple[str, ...]:
    """The folded words of a name without its initials and suffixes: "Harold J. Whitmore" and
    "Harold Whitmore" both give ("harold", "whitmore")."""
    return tuple(fold_word(w) for w in _words(name) if len(w) > 1 and w not in _SUFFIXES)


def initials(name: str) -> tuple[str, ...]:
    """The one-letter words of a name: ("j",) of "Harold J. Whitmore", ("h", "k") of "Walter
    H. K. Brandt"."""
    return tuple(w for w in _words(name) if len(w) == 1)


def _words(name: str) -> list[str]:
    return slug(name).split("-")
