"""Keys of the things extraction finds in a document (claims, events): stable, so the same
document gives the same keys, and so the same IRIs, in every build."""
from __future__ import annotations

import hashlib


def stable_key(kind: str, *parts: object) -> str:
    """"kind/" and 16 hex digits of the SHA-1 of the parts, NUL-separated."""
    text = "\x00".join(str(p) for p in parts)
    return f"{kind}/{hashlib.sha1(text.encode('utf-8')).hexdigest()[:16]}"
