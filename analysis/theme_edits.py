"""Manager edits to themes (rename, merge, split), stored as data and re-applied.

An edit remembers *which* theme it meant by an anchor: the theme's heaviest centroid
terms at the time of the edit.  After a full re-analysis the ids may differ, so every
edit is resolved again by cosine similarity between its anchor and the new centroids.
Applying the same edits twice is a no-op, so the app can simply call
``apply_edits(model, edits)`` after every ``fit`` or ``partial_fit``.
"""

from __future__ import annotations

import copy
import logging
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import scipy.sparse as sp
from sklearn.cluster import KMeans
from sklearn.exceptions import ConvergenceWarning

from analysis.ctfidf import class_labels
from analysis.themes import UNASSIGNED, ThemeFinder

log = logging.getLogger(__name__)

EditKind = Literal["rename", "merge", "split"]
ANCHOR_TERMS = 50
# How alike an anchor and a centroid must be to count as "the same theme".
MIN_ANCHOR_SIMILARITY = 0.3
# Stored child centroids match themselves exactly; a fresh refit never gets this close.
ALREADY_APPLIED_SIMILARITY = 0.99


@dataclass(frozen=True)
class ThemeEdit:
    """One manager edit.  Plain data: ``to_dict``/``from_dict`` for storage.

    Anchors are ``{term: weight}`` centroid terms (``ThemeFinder.theme_terms``) that find
    the theme again after a refit; ``child_sizes`` are answer counts.
    """

    kind: EditKind
    theme_id: int
    anchor: Mapping[str, float]
    label: str = ""  # rename: the new label
    into_id: int | None = None  # merge: the surviving theme
    into_anchor: Mapping[str, float] = field(default_factory=dict)
    children: tuple[Mapping[str, float], ...] = ()  # split: two child centroids
    child_labels: tuple[str, ...] = ()
    child_sizes: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict of every field (tuples as lists)."""
        return {
            "kind": self.kind,
            "theme_id": self.theme_id,
            "anchor": dict(self.anchor),
            "label": self.label,
            "into_id": self.into_id,
            "into_anchor": dict(self.into_anchor),
            "children": [dict(c) for c in self.children],
            "child_labels": list(self.child_labels),
            "child_sizes": list(self.child_sizes),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ThemeEdit:
        """Rebuild an edit from ``to_dict`` output; only ``kind`` and ``theme_id`` are
        required. Raises KeyError when one of them is missing."""
        return cls(
            kind=data["kind"],
            theme_id=int(data["theme_id"]),
            anchor=dict(data.get("anchor", {})),
            label=data.get("label", ""),
            into_id=None if data.get("into_id") is None else int(data["into_id"]),
            into_anchor=dict(data.get("into_anchor", {})),
            children=tuple(dict(c) for c in data.get("children", ())),
            child_labels=tuple(data.get("child_labels", ())),
            child_sizes=tuple(int(s) for s in data.get("child_sizes", ())),
        )


# -- making edits (they read the model, never change it) ---------------------------


def _live(model: ThemeFinder, theme_id: int) -> None:
    if theme_id not in set(model.theme_ids_.tolist()) or theme_id in model.aliases_:
        raise ValueError(f"theme {theme_id} is not a live theme")


def _same_name(name: str) -> str:
    """A name as compared with others: trimmed, spaces collapsed, case folded."""
    return " ".join(name.split()).casefold()


def check_new_name(theme_id: int, label: str, names: Mapping[int, str]) -> str:
    """The name ``label`` for theme ``theme_id``, trimmed, if no other theme has it.

    ``names`` maps each live theme id to the name managers see. Two themes under one name
    would look like one (a picker listing it twice, a heatmap row adding both up), so a
    name another theme already uses (ignoring case and surrounding spaces) is refused: the
    message suggests merging instead. Raises ValueError with a message for the manager
    when ``label`` is blank or taken.
    """
    label = " ".join(label.split())
    if not label:
        raise ValueError("Type a name for the theme.")
    wanted = _same_name(label)
    for other, name in names.items():
        if int(other) != int(theme_id) and _same_name(str(name)) == wanted:
            raise ValueError(
                f"Another theme is already called “{name}”. Pick another name, or use "
                "“Merge into” to make the two themes one."
            )
    return label


def rename(
    model: ThemeFinder, theme_id: int, label: str, names: Mapping[int, str] | None = None
) -> ThemeEdit:
    """Edit that gives ``theme_id`` a manager-chosen label (trimmed).

    ``names`` maps live theme ids to the names managers see (default: the model's own
    labels); the label may not be one another theme already has (``check_new_name``).
    Raises ValueError when ``theme_id`` is not a live theme, or ``label`` is blank or
    another theme's name.
    """
    _live(model, theme_id)
    if names is None:
        live = [int(t) for t in model.theme_ids_ if int(t) not in model.aliases_]
        names = {t: model.theme_labels_.get(t, "") for t in live}
    label = check_new_name(theme_id, label, names)
    return ThemeEdit("rename", theme_id, model.theme_terms(theme_id, ANCHOR_TERMS), label=label)


def merge(model: ThemeFinder, theme_id: int, into_id: int) -> ThemeEdit:
    """Edit that folds ``theme_id`` into ``into_id``; its future answers go there too.

    Raises ValueError when either is not a live theme or they are the same theme.
    """
    _live(model, theme_id)
    _live(model, into_id)
    if theme_id == into_id:
        raise ValueError("cannot merge a theme into itself")
    return ThemeEdit(
        "merge",
        theme_id,
        model.theme_terms(theme_id, ANCHOR_TERMS),
        into_id=into_id,
        into_anchor=model.theme_terms(into_id, ANCHOR_TERMS),
    )


def split(
    model: ThemeFinder, theme_id: int, texts: Sequence[str], random_state: int = 0
) -> ThemeEdit:
    """Edit that splits ``theme_id`` in two by 2-means (k-means, k=2) over its members
    among ``texts``; the halves are named by c-TF-IDF (``analysis.ctfidf``).

    Raises ValueError when ``theme_id`` is not a live theme, has fewer than two members
    among ``texts``, or its members are identical; also when the model's ``grouping``
    does not return one label per text.
    """
    _live(model, theme_id)
    texts = [str(t) for t in texts]
    x, groups, valid = model._vectorise(texts)
    ids = model.predict_vectors(x, groups, valid)
    rows = np.flatnonzero(ids == theme_id)
    if len(rows) < 2:
        raise ValueError(f"theme {theme_id} has fewer than two members to split")
    with warnings.catch_warnings():  # identical members: reported just below
        warnings.simplefilter("ignore", ConvergenceWarning)
        km = KMeans(n_clusters=2, n_init=5, random_state=random_state).fit(x[rows])
    if len(set(km.labels_)) < 2:
        raise ValueError(f"theme {theme_id} members are identical; nothing to split")
    children = model._truncate(km.cluster_centers_)
    terms = model.terms_
    anchors = []
    for child in range(2):
        row = children.getrow(child)
        order = np.argsort(-row.data, kind="stable")
        anchors.append({terms[row.indices[i]]: float(row.data[i]) for i in order})
    # Name the halves against each other and the other themes (c-TF-IDF).
    classes = np.asarray([f"theme{i}" for i in ids], dtype=object)
    classes[rows] = [f"child{c}" for c in km.labels_]
    labels = class_labels(model._counts(texts), classes, terms)
    return ThemeEdit(
        "split",
        theme_id,
        model.theme_terms(theme_id, ANCHOR_TERMS),
        children=tuple(anchors),
        child_labels=(labels.get("child0", ""), labels.get("child1", "")),
        child_sizes=tuple(int(s) for s in np.bincount(km.labels_, minlength=2)),
    )


# -- applying edits -------------------------------------------------------------


def _similarities(model: ThemeFinder, anchor: Mapping[str, float]) -> np.ndarray:
    if not anchor or model.centroids_.shape[0] == 0:
        return np.zeros(model.centroids_.shape[0])
    vec = model.vector_from_terms(dict(anchor))
    return np.asarray((model.centroids_ @ vec.T).todense()).ravel()


def resolve_theme(
    model: ThemeFinder,
    theme_id: int,
    anchor: Mapping[str, float],
    follow_merges: bool = True,
) -> int | None:
    """The current id of the theme an edit meant, or None when it no longer exists.

    With an ``anchor``: the theme whose centroid is most similar to it (cosine, at least
    ``MIN_ANCHOR_SIMILARITY``); without one, ``theme_id`` itself if it still exists.
    ``follow_merges`` resolves a merged theme to the one it was merged into.
    """
    sims = _similarities(model, anchor)
    if anchor:
        if sims.size == 0 or sims.max() < MIN_ANCHOR_SIMILARITY:
            return None
        found = int(model.theme_ids_[int(sims.argmax())])
    elif theme_id in set(model.theme_ids_.tolist()):
        found = theme_id
    else:
        return None
    return model._resolve_alias(found) if follow_merges else found


def apply_edits(model: ThemeFinder, edits: Iterable[ThemeEdit | Mapping[str, Any]]) -> ThemeFinder:
    """A copy of ``model`` with ``edits`` applied in order (unresolvable ones are skipped).

    ``edits`` are ``ThemeEdit`` or their ``to_dict`` form; applying the same edits again is
    a no-op. Raises KeyError when a stored edit lacks ``kind`` or ``theme_id``, or has an
    unknown ``kind``.
    """
    out = copy.deepcopy(model)
    for edit in edits:
        if not isinstance(edit, ThemeEdit):
            edit = ThemeEdit.from_dict(edit)
        applied = {"rename": _apply_rename, "merge": _apply_merge, "split": _apply_split}[
            edit.kind
        ](out, edit)
        if not applied:
            log.info("theme edit %s of theme %s did not resolve; skipped", edit.kind, edit.theme_id)
    if hasattr(out, "labels_") and len(out.labels_):
        out.labels_ = np.asarray([out._resolve_alias(int(i)) for i in out.labels_], dtype=int)
    return out


def _apply_rename(model: ThemeFinder, edit: ThemeEdit) -> bool:
    target = resolve_theme(model, edit.theme_id, edit.anchor)
    if target is None:
        return False
    model.theme_labels_[target] = edit.label
    return True


def _apply_merge(model: ThemeFinder, edit: ThemeEdit) -> bool:
    absorbed = resolve_theme(model, edit.theme_id, edit.anchor, follow_merges=False)
    into_id = UNASSIGNED if edit.into_id is None else edit.into_id
    into = resolve_theme(model, into_id, edit.into_anchor)
    if absorbed is None or into is None:
        return False
    if model._resolve_alias(absorbed) == into:
        return True  # already merged (edits are re-applied after every update)
    model.aliases_[absorbed] = into
    model.theme_sizes_[into] = model.theme_sizes_.get(into, 0) + model.theme_sizes_.pop(absorbed, 0)
    return True


def _apply_split(model: ThemeFinder, edit: ThemeEdit) -> bool:
    # Already applied (edits are re-applied after every update): both halves exist as
    # two live themes with exactly the stored centroids.  Aliased rows do not count, or
    # splitting a merged theme would look done when its halves are the merged pair.
    live = np.asarray([int(t) not in model.aliases_ for t in model.theme_ids_])
    child_sims = [np.where(live, _similarities(model, c), -1.0) for c in edit.children]
    if all(s.size and s.max() >= ALREADY_APPLIED_SIMILARITY for s in child_sims):
        if len({int(s.argmax()) for s in child_sims}) == 2:
            return True
    parent = resolve_theme(model, edit.theme_id, edit.anchor, follow_merges=False)
    if parent is None or parent in model.aliases_:
        return False
    row = int(np.flatnonzero(model.theme_ids_ == parent)[0])
    group = model.theme_groups_.get(parent, "")
    keep = np.arange(model.centroids_.shape[0]) != row
    model.centroids_ = model.centroids_[keep].tocsr()
    model.theme_ids_ = model.theme_ids_[keep]
    children = sp.vstack([model.vector_from_terms(dict(c)) for c in edit.children]).tocsr()
    new_ids = model._add_themes([children], [group, group])
    for tid, label, size in zip(new_ids, edit.child_labels, edit.child_sizes, strict=False):
        model.theme_labels_[tid] = label
        model.theme_sizes_[tid] = size
    for absorbed, into in list(model.aliases_.items()):
        if into == parent:  # themes merged into the parent follow the nearer half
            row = model.centroids_[np.flatnonzero(model.theme_ids_ == absorbed)[0]]
            model.aliases_[absorbed] = new_ids[int(np.argmax((children @ row.T).toarray()))]
    model.aliases_.pop(parent, None)
    model.theme_labels_.pop(parent, None)
    model.theme_sizes_.pop(parent, None)
    model.theme_groups_.pop(parent, None)
    return True
