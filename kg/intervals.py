"""Merging overlapping intervals, for anything ordered: character offsets, ISO dates."""
from __future__ import annotations

from typing import Iterable, TypeVar

T = TypeVar("T", int, str)


def merged(spans: Iterable[tuple[T, T]]) -> list[tuple[T, T]]:
    """`spans` sorted, with every two that overlap or touch end to start made one."""
    result: list[tuple[T, T]] = []
    for start, end in sorted(spans):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], end))
        else:
            result.append((start, end))
    return result
