"""Root-cause taxonomy: which categories exist, what they mean, and where that is configured.

The default lives in ``analysis/taxonomy.yaml``. An organisation points the environment
variable ``AFTERWARD_TAXONOMY`` at its own file (same shape) to rename, add or remove
categories; the classifier in ``analysis.root_causes`` adapts to whatever this module loads.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DEFAULT_TAXONOMY_PATH = Path(__file__).with_name("taxonomy.yaml")
TAXONOMY_ENV_VAR = "AFTERWARD_TAXONOMY"

_ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,63}$")
# What the classifier says of a text with no root cause at all: praise that names no
# practice, logistics, content-free lines and non-answers. Not a category: never counted
# with the taxonomy's categories, shown as its own bucket. Reserved: no taxonomy may use it.
NO_ROOT_CAUSE = "none"
NO_ROOT_CAUSE_LABEL = "No root cause"


def no_root_cause_note(answers: int) -> str:
    """The one sentence every page and report shows beside the category charts for the
    no-root-cause bucket, `answers` being its shown (gated) count."""
    return (
        f"{NO_ROOT_CAUSE_LABEL}: {answers:,} answer(s) named no cause (praise that names no "
        "practice, logistics, nothing specific), counted apart from the categories. "
        "Non-answers such as “N/A” are left out of every count."
    )


_ALLOWED_KEYS = {"id", "label", "description", "keywords", "based_on"}


@dataclass(frozen=True)
class Category:
    """One root-cause category as configured in a taxonomy file."""

    id: str
    description: str
    keywords: tuple[str, ...] = ()
    # Short name for charts and tables; defaults to the id in words.
    label: str = ""
    # Default ids whose corpus examples this category inherits (renames and merges).
    based_on: tuple[str, ...] = ()


def taxonomy_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The taxonomy file in effect: explicit path, else ``$AFTERWARD_TAXONOMY``, else default."""
    if path is not None:
        return Path(path)
    env = os.environ.get(TAXONOMY_ENV_VAR, "").strip()
    return Path(env) if env else DEFAULT_TAXONOMY_PATH


def taxonomy_key(path: str | os.PathLike[str] | None = None) -> str:
    """Content hash (SHA-256, hex) of the taxonomy file in effect: the cache key for
    fitted models. Raises ValueError when the file cannot be read."""
    resolved = taxonomy_path(path)
    try:
        data = resolved.read_bytes()
    except OSError as exc:
        raise ValueError(f"{resolved}: cannot read taxonomy file ({exc})") from exc
    return hashlib.sha256(data).hexdigest()


def load_taxonomy(path: str | os.PathLike[str] | None = None) -> dict[str, Category]:
    """Load and validate a taxonomy file; returns categories by id, in file order.

    Raises ValueError naming the file and the problem when the file is missing or invalid.
    """
    resolved = taxonomy_path(path)
    try:
        raw = yaml.safe_load(resolved.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{resolved}: cannot read taxonomy file ({exc})") from exc
    except yaml.YAMLError as exc:
        raise ValueError(f"{resolved}: not valid YAML ({exc})") from exc
    return _parse(raw, resolved)


def _parse(raw: object, source: Path) -> dict[str, Category]:
    def fail(problem: str) -> ValueError:
        return ValueError(f"{source}: {problem}")

    if not isinstance(raw, dict) or set(raw) != {"categories"}:
        raise fail("top level must be a mapping with exactly one key, 'categories'")
    entries = raw["categories"]
    if not isinstance(entries, list) or len(entries) < 2:
        raise fail("'categories' must be a list of at least two categories")
    categories: dict[str, Category] = {}
    for position, entry in enumerate(entries, start=1):
        where = f"category #{position}"
        if not isinstance(entry, dict):
            raise fail(f"{where} must be a mapping with 'id' and 'description'")
        unknown = set(entry) - _ALLOWED_KEYS
        if unknown:
            raise fail(
                f"{where} has unknown key(s) {sorted(unknown)}; allowed: {sorted(_ALLOWED_KEYS)}"
            )
        cid = entry.get("id")
        if not isinstance(cid, str) or not _ID_PATTERN.match(cid):
            raise fail(f"{where} needs an 'id' in snake_case (got {cid!r})")
        if cid in categories:
            raise fail(f"duplicate category id {cid!r}")
        if cid == NO_ROOT_CAUSE:
            raise fail(f"{NO_ROOT_CAUSE!r} is reserved for answers with no root cause")
        description = entry.get("description")
        if not isinstance(description, str) or not description.strip():
            raise fail(f"category {cid!r} needs a non-empty 'description'")
        keywords = _string_list(entry.get("keywords"), f"category {cid!r} 'keywords'", fail)
        based_on = _string_list(entry.get("based_on"), f"category {cid!r} 'based_on'", fail)
        label = entry.get("label") or cid.replace("_", " ").capitalize()
        if not isinstance(label, str):
            raise fail(f"category {cid!r} 'label' must be text")
        categories[cid] = Category(
            id=cid,
            description=" ".join(description.split()),
            keywords=keywords,
            based_on=based_on,
            label=" ".join(label.split()),
        )
    return categories


def _string_list(value: object, what: str, fail) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(f"{what} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


@lru_cache(maxsize=8)
def _loaded(path: str, key: str) -> dict[str, Category]:
    return load_taxonomy(path)


def current_taxonomy() -> dict[str, Category]:
    """The categories in effect now (``AFTERWARD_TAXONOMY`` read at each call; the file is
    parsed once per content). Raises ValueError like `load_taxonomy`."""
    path = taxonomy_path()
    return _loaded(str(path), taxonomy_key(path))


def category_ids() -> list[str]:
    """Ids of the categories in effect, in file order. Raises ValueError like
    `load_taxonomy`."""
    return list(current_taxonomy())


def category_label(category: str) -> str:
    """Short name of a category for charts and tables, from the taxonomy in effect (ids
    the taxonomy no longer has become readable words). Raises ValueError like
    `load_taxonomy`."""
    if category == NO_ROOT_CAUSE:
        return NO_ROOT_CAUSE_LABEL
    found = current_taxonomy().get(str(category))
    if found is not None:
        return found.label
    return str(category).replace("_", " ").capitalize()


def __getattr__(name: str) -> dict[str, str]:
    # CATEGORIES (public): id -> description of the taxonomy in effect, computed at use time
    # so a custom AFTERWARD_TAXONOMY is honoured; never an import-time copy.
    if name == "CATEGORIES":
        return {cid: cat.description for cid, cat in current_taxonomy().items()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
