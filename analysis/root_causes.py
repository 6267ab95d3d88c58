"""Root-cause classification of retrospective and post-mortem answers.

``RootCauseClassifier`` is a plain scikit-learn estimator: word 1-2-gram TF-IDF,
character n-gram TF-IDF (within words, so typos and word forms still match) and counts from
a hand-written concept lexicon, fed to a multinomial logistic regression. The public entry
points ``classify_root_causes`` and ``classify_with_confidence`` train it once per process
on the shipped corpus (``analysis/corpus/root_causes.yaml``) for the taxonomy in effect, and
once per distinct set of manager corrections.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted
from threadpoolctl import threadpool_limits

from analysis.no_root_cause import is_non_answer, no_root_cause_examples
from analysis.sentence_embeddings import EmbeddingHead, embeddings_key
from analysis.sentence_embeddings import enabled as embeddings_enabled
from analysis.taxonomy import NO_ROOT_CAUSE, Category, load_taxonomy, taxonomy_key, taxonomy_path
from analysis.text_normal import (
    answer_key,
    near_identical_entries,
    near_identical_groups,
    normalise_text,
    normaliser_key,
    split_words,
)

CORPUS_PATH = Path(__file__).with_name("corpus") / "root_causes.yaml"

# --------------------------------------------------------------------------------------
# Concept lexicon: stems grouped by concept, not by category, so the model learns how
# concepts combine ("client" + "approval" vs "deploy" + "approval"). A stem matches any
# word it starts; "word$" matches that word only; two-word phrases match adjacent words
# (the second one by prefix). Written from general retro/post-mortem vocabulary.
# --------------------------------------------------------------------------------------
# fmt: off
DEFAULT_LEXICON: dict[str, tuple[str, ...]] = {
    "goal": ("goal", "objective", "vision", "purpose", "mission", "north star", "outcome",
             "okr", "kpi", "success criteri", "success metric", "what success",
             "definition of", "strateg", "direction", "problem statement", "the why",
             "business case", "what problem", "intent", "rationale", "target user"),
    "vagueness": ("unclear", "vague", "ambigu", "fuzzy", "undefined", "not defined",
                  "never defined", "never agreed", "not agreed", "no agreement", "confus",
                  "contradict", "conflicting", "competing", "misalign", "not aligned",
                  "alignment", "different idea", "nobody knew", "no one", "unsure",
                  "not sure", "no idea", "guess", "assumption", "assumed", "clarity",
                  "clarif", "wishy", "hazy", "murky", "unspecified", "open question"),
    "ownership": ("owner", "ownership", "owned", "accountab", "responsib", "raci",
                  "decision maker", "who decide", "sponsor", "mandate", "charter",
                  "product owner", "in charge", "nobody decid", "decision", "decide"),
    "schedule": ("deadline", "date$", "dates$", "timeline", "timescale", "schedul", "late$",
                 "lateness", "slip", "behind", "on time", "milestone", "due$", "overdue",
                 "time pressure", "rush", "crunch", "hurr", "quarter end", "weeks late",
                 "months late", "delay", "time$", "fast$", "quick$", "asap", "urgent",
                 "yesterday", "launch date", "release date", "hard date", "fixed date",
                 "on schedule", "ahead of", "sprint goal"),
    "estimate": ("estimat", "underestimat", "overestimat", "story point", "points$",
                 "velocity", "planning", "plan$", "plans$", "planned", "buffer", "slack in",
                 "contingency", "padding", "pad$", "overcommit", "over commit",
                 "committed", "commitment", "optimistic", "realistic", "unrealistic",
                 "forecast", "too much work", "took longer", "longer than", "ambitious",
                 "overpromis", "over promis", "effort", "sizing", "sized", "guesstimat",
                 "capacity planning", "burndown", "burn down", "overrun", "wip"),
    "communication": ("communicat", "told", "tell", "inform", "share", "sharing", "update",
                      "announce", "notif", "heard", "found out", "aware", "in the loop",
                      "out of the loop", "sync", "standup", "stand up", "meeting", "email",
                      "e mail", "channel", "thread", "dm$", "dms$", "message", "talk",
                      "spoke", "document", "wiki", "confluence", "decision log", "transparen",
                      "second hand", "memo", "broadcast", "slack$", "teams chat", "kept in",
                      "loop in", "looped in", "heads up", "flag", "raise", "voice",
                      "feedback loop", "listen"),
    "handoff": ("handoff", "hand off", "handover", "hand over", "handed over", "transition",
                "knowledge transfer", "context", "fell through", "lost in", "shift change",
                "passed on", "relay", "pass on", "onboarding doc"),
    "silo": ("silo", "isolation", "cross team", "other team", "between team",
             "another team", "left hand", "coordinat", "collaborat", "time zone",
             "timezone", "offshore", "nearshore", "each other", "upstream team",
             "downstream team", "two teams", "both teams", "squads", "dependency on team",
             "department"),
    "incident_comms": ("escalat", "incident commander", "war room", "bridge", "status page",
                       "comms", "chaos", "chaotic", "point of", "who to",
                       "incident channel", "scribe", "customer comms", "stakeholder update",
                       "contact", "reach"),
    "change": ("chang", "creep", "goalpost", "moving target", "added", "adding", "addition",
               "new requirement", "late requirement", "pivot", "rework", "redo", "re do",
               "rewrote", "rewritten", "reprioriti", "re prioriti", "churn", "volatil",
               "freeze", "re baseline", "midway", "mid sprint", "mid project", "halfway",
               "after sign", "kept adding", "one more", "extra feature", "new feature",
               "bolted on", "grew", "expand", "widen", "change request", "change control",
               "cr$", "crs$", "injected", "unplanned", "mind$", "last minute", "u turn",
               "moved the", "shifted", "shifting", "flip", "revis", "amend", "variation",
               "gold plat", "nice to have", "must have", "bloat"),
    "requirements": ("requirement", "spec$", "specs$", "specification", "acceptance criteri",
                     "user stor", "story", "stories", "feature request", "backlog",
                     "wishlist", "wish list", "feature list", "ticket", "epic", "brief"),
    "scope": ("scope", "mvp", "in scope", "out of scope", "boundar", "phase 1", "phase one"),
    "staffing": ("people", "person", "staff", "understaff", "headcount", "head count",
                 "hire", "hiring", "backfill", "team size", "short handed", "shorthanded",
                 "too few", "not enough people", "resourc", "contractor", "freelanc",
                 "junior", "senior", "experience", "inexperienc", "skill", "expertise",
                 "knowledge", "bus factor", "single point", "key person", "one person",
                 "only person", "only one", "left the", "quit", "resign", "leave",
                 "leaving", "departure", "turnover", "attrition", "reorg", "onboard",
                 "ramp up", "new joiner", "new hire", "vacan", "capacity", "hands$",
                 "developer", "engineer", "designer", "tester", "dba$", "sre$", "lead$",
                 "leads$", "holiday", "vacation", "parental", "maternity", "paternity",
                 "rota", "rotation", "bench", "allocat", "pulled onto", "pulled off",
                 "part time", "shared across", "fte", "team member", "newbie"),
    "burnout": ("burn", "exhaust", "tired", "overtime", "weekend", "long hours",
                "late nights", "evenings", "morale", "stress", "overwork", "fumes", "sick",
                "mental health", "stretched", "spread thin", "maxed out", "hats", "hero",
                "fatigue", "wellbeing", "well being", "overload", "overwhelm", "drained",
                "worn out", "capacity"),
    "tech_debt": ("debt", "legacy", "old code", "monolith", "spaghetti", "refactor",
                  "outdated", "out of", "deprecat", "end of", "eol$", "upgrade", "framework",
                  "librar", "dependenc", "brittle", "fragile", "hack", "workaround",
                  "work around", "shortcut", "quick fix", "patch", "architecture",
                  "codebase", "code base", "mess", "tangled", "duplicat", "dead code",
                  "undocumented", "mainframe", "old system", "old stack", "tech stack",
                  "old version", "cobol", "rot$", "cruft", "kludge", "band aid",
                  "sticky tape", "held together", "historical", "years old", "ancient",
                  "unmaintain", "coupling", "coupled", "complexity", "rewrite", "migrat",
                  "unsupported", "obsolete", "god class", "copy paste", "copy pasted"),
    "tooling": ("build", "ci$", "continuous integration", "jenkins", "github actions",
                "gitlab", "runner", "tooling", "tool", "dev environment",
                "local environment", "development environment", "sandbox", "docker",
                "compile", "ide$", "script", "monorepo", "developer experience", "setup",
                "set up", "laptop", "slow", "flaky", "flakey", "red build", "npm", "gradle",
                "xcode", "test environment", "shared environment", "broken environment",
                "staging is", "staging was", "internal tool", "admin tool", "disk",
                "pipeline", "cache", "productivity", "friction", "painful", "tedious"),
    "testing": ("test", "untested", "qa$", "quality assurance", "coverage", "unit$",
                "units$", "regression", "end to", "smoke", "load test", "edge case",
                "corner case", "caught", "catch", "escaped", "slipped through", "defect",
                "bug", "crash", "happy path", "manual test", "automat", "exploratory",
                "device", "simulator", "emulator", "data quality", "validation", "verif",
                "assert", "mock", "stub", "fixture", "acceptance test", "user acceptance",
                "tdd", "spec test", "scenario", "repro", "reproduc"),
    "review": ("review", "reviewer", "pull request", "rubber stamp", "lgtm", "peer review",
               "pair program", "four eyes", "second pair", "code review", "merged without",
               "merged it", "approved the", "sign off on the code", "walkthrough"),
    "quality": ("quality", "sloppy", "broken", "bugg", "glitch", "defect", "issue",
                "hotfixes", "rollback rate", "escape"),
    "deploy": ("deploy", "release", "rollout", "roll out", "rolled out", "rollback",
               "roll back", "rolled back", "revert", "canary", "blue green", "cutover",
               "cut over", "switch over", "switchover", "go live", "went live", "ship$",
               "shipped", "shipping", "push$", "pushed", "pushing", "hotfix", "promot",
               "artifact", "helm", "terraform", "ansible", "kubernetes", "manifest",
               "feature flag", "toggle", "migration script", "ci cd", "staged rollout",
               "friday", "maintenance window", "change window", "app store", "play store",
               "testflight", "build number", "signing", "provision", "cloudformation",
               "container image", "image tag", "version", "upgrade", "patching",
               "launch", "go no", "release train", "dark launch"),
    "config": ("configur", "misconfig", "setting", "parameter", "environment variable",
               "variable", "yaml", "json", "flag", "value", "drift", "mismatch",
               "wrong version", "secret", "credential", "api key", "password", "token",
               "certificate", "ssl", "tls", "expired", "expir", "renew", "dns", "domain",
               "ttl$", "firewall", "load balancer", "cdn", "routing", "route", "permission",
               "iam$", "bucket", "quota", "limit", "timeout", "typo", "wrong cluster",
               "wrong environment", "wrong server", "wrong region", "wrong database",
               "manual step", "by hand", "change ticket", "connection string", "cors",
               "proxy", "vpn", "port$", "ports$", "hostname", "ip address", "allowlist",
               "whitelist", "rule", "policy", "template", "default", "option", "cron",
               "schema mismatch", "access", "key rotation", "rotated", "propagat", "global",
               "all regions", "every server", "operator", "command", "maintenance",
               "wrong", "bgp", "acl", "replica", "failover", "region", "cluster",
               "node", "server", "typo", "mistyped", "incorrect", "invalid"),
    "client": ("client", "customer", "stakeholder", "account manager", "account team",
               "sign off", "signoff", "signed off", "approv", "feedback", "demo", "pitch",
               "sales", "contract", "sow$", "statement of", "procurement", "legal",
               "brand team", "their team", "their side", "client side", "relationship",
               "escalated", "unhappy", "disappoint", "unresponsive", "trust", "md$",
               "cto$", "ceo$", "board$", "their$", "they$", "them$", "refund", "invoice",
               "budget", "fixed price", "agency", "vendor", "partner", "uat$", "satisf",
               "complain", "angry", "frustrat", "business side", "sponsor", "buy in",
               "politics", "political", "their end"),
    "expectation": ("expectation", "expected", "expecting", "assum", "perceiv",
                    "perception", "promis", "manage expectations", "managing expectations",
                    "surprise", "pixel perfect", "polished", "happy", "wanted", "insist",
                    "demand", "thought they", "thought we", "believed"),
    "monitoring": ("monitor", "alert", "alarm", "page$", "paged", "pager", "pages$",
                   "paging", "pagerduty", "opsgenie", "on call", "dashboard", "grafana",
                   "datadog", "prometheus", "new relic", "sentry", "splunk", "kibana",
                   "metric", "observab", "log$", "logs$", "logging", "trace", "tracing",
                   "telemetry", "detect", "noticed", "notice", "spotted", "silent",
                   "unnoticed", "noisy", "noise", "false alarm", "false positive",
                   "threshold", "runbook", "playbook", "health check", "healthcheck",
                   "uptime", "synthetic", "slo$", "slos$", "sli$", "slis$", "error budget",
                   "visibility", "blind", "from customers", "from users", "stale",
                   "freshness", "anomal", "watch", "muted", "mute", "signal", "symptom",
                   "mttd", "heartbeat", "probe", "crash report", "insight", "paging",
                   "escalation policy", "nobody noticed", "no one noticed", "went unnoticed",
                   "hours before", "took hours"),
    "incident": ("outage", "incident", "down$", "downtime", "sev$", "sev1", "sev2", "p1$",
                 "p0$", "degraded", "error", "failure", "failed", "fail", "500", "5xx",
                 "latency", "crash", "postmortem", "post mortem", "root cause", "impact",
                 "users affected", "customers affected", "unavailable", "recovery"),
    "data": ("data", "pipeline", "etl", "elt", "report", "warehouse", "table", "job$",
             "jobs$", "batch", "nightly", "ingest", "airflow", "dbt", "spark", "snowflake",
             "bigquery", "query", "row", "column", "schema", "dataset", "kafka", "stream"),
    "mobile": ("app$", "apps$", "ios", "android", "mobile", "iphone", "device", "tablet",
               "push notification", "play store", "app store"),
    "positive": ("went well", "worked well", "good$", "great", "smooth", "helped",
                 "paid off", "success", "kudos", "praise", "well done", "thanks to",
                 "for once", "this time", "again$", "keep doing", "nice", "excellent",
                 "saved us", "really good"),
    "prescriptive": ("should", "next time", "need to", "needs to", "must$", "we will",
                     "going forward", "in future", "let us", "recommend", "action item",
                     "stop$", "start$", "make sure", "ensure", "differently", "introduce",
                     "we need", "would have", "could have"),
    "negation": ("no$", "not$", "never", "nobody", "no one", "without", "lack", "missing",
                 "absent", "none", "zero", "nothing", "didn", "couldn", "failed to"),
}
# fmt: on


class _Batch:
    """Word and adjacent-word-pair counts of a batch of normalised texts.

    Everything downstream is sparse algebra on these counts, so per-answer Python work is
    one ``split`` (the unique words and pairs are few compared with the answers).
    """

    def __init__(self, normalised: Sequence[str]) -> None:
        tokens = [text.split() for text in normalised]
        lengths = np.fromiter((len(t) for t in tokens), dtype=np.int64, count=len(tokens))
        flat = list(chain.from_iterable(tokens))
        doc_of = np.repeat(np.arange(len(tokens)), lengths)
        self.n_docs = len(tokens)
        self.words, self.word_counts = self._count(flat, doc_of)
        same_doc = doc_of[:-1] == doc_of[1:]
        # All adjacent pairs in one C-level pass, then drop those spanning two answers.
        pairs = np.fromiter(
            map(" ".join, zip(flat, flat[1:], strict=False)),
            dtype=object,
            count=max(len(flat) - 1, 0),
        )[same_doc]
        self.pairs, self.pair_counts = self._count(pairs, doc_of[:-1][same_doc])

    def _count(self, items: object, doc_of: np.ndarray) -> tuple[pd.Index, sparse.csr_matrix]:
        codes, uniques = pd.factorize(np.asarray(items, dtype=object), sort=False)
        counts = sparse.csr_matrix(
            (np.ones(len(codes), dtype=np.float64), (doc_of, codes)),
            shape=(self.n_docs, len(uniques)),
        )
        counts.sum_duplicates()
        return pd.Index(uniques, dtype=object), counts


def _project(items: pd.Index, vocabulary: pd.Index) -> sparse.csr_matrix:
    """0/1 matrix mapping batch items onto a fixed vocabulary (unknown items dropped)."""
    position = vocabulary.get_indexer(items)
    known = np.flatnonzero(position >= 0)
    return sparse.csr_matrix(
        (np.ones(len(known)), (known, position[known])), shape=(len(items), len(vocabulary))
    )


# Scale of the concept-lexicon block beside the TF-IDF blocks. 0.15 since the fourth corpus
# round (2026-12-01): trained on the earlier corpus and scored on the 1,040 new team-written
# lines it had not seen, macro-F1 0.806 at 0.15, 0.788 at 0.3, 0.801 at 0 (bench/RESULTS.md).
LEXICON_WEIGHT = 0.15


class TextFeatures(TransformerMixin, BaseEstimator):
    """Word 1-2-gram TF-IDF + within-word char n-gram TF-IDF + concept-lexicon counts.

    Input: normalised texts (``analysis.text_normal.normalise_text``); output: one sparse
    row per text. TF-IDF is scikit-learn's ``TfidfTransformer`` with sublinear tf (Salton &
    Buckley 1988); the char block equals scikit-learn's ``analyzer="char_wb"`` but is
    computed once per distinct word of a batch; lexicon counts are ``log(1 + hits)`` times
    ``lexicon_weight`` per concept of the hand-written ``DEFAULT_LEXICON``.
    """

    def __init__(
        self,
        char_ngram_range: tuple[int, int] = (3, 5),
        char_min_df: int = 2,
        lexicon: Mapping[str, Sequence[str]] | None = None,
        lexicon_weight: float = LEXICON_WEIGHT,
    ) -> None:
        self.char_ngram_range = char_ngram_range
        self.char_min_df = char_min_df
        self.lexicon = lexicon
        self.lexicon_weight = lexicon_weight

    def fit(self, X: Sequence[str], y: object = None) -> TextFeatures:
        """Learn the word and char vocabularies and IDF weights from normalised texts.

        Raises ValueError (from scikit-learn) when no char n-gram occurs in
        ``char_min_df`` texts, e.g. fewer texts than ``char_min_df``.
        """
        batch = _Batch(X)
        self.vocabulary_ = batch.words.append(batch.pairs)
        self.word_tfidf_ = TfidfTransformer(sublinear_tf=True).fit(
            sparse.hstack([batch.word_counts, batch.pair_counts])
        )
        self.char_counter_ = CountVectorizer(
            analyzer="char_wb",
            ngram_range=self.char_ngram_range,
            min_df=self.char_min_df,
            lowercase=False,
            dtype=np.float64,
        ).fit(X)
        self.char_tfidf_ = TfidfTransformer(sublinear_tf=True).fit(self._char_counts(batch))
        lexicon = DEFAULT_LEXICON if self.lexicon is None else self.lexicon
        self.lexicon_names_ = list(lexicon)
        self.stems_ = _compile_lexicon(lexicon)
        return self

    def _char_counts(self, batch: _Batch) -> sparse.csr_matrix:
        per_word = self.char_counter_.transform(list(batch.words))
        return (batch.word_counts @ per_word).tocsr()

    def transform(self, X: Sequence[str]) -> sparse.csr_matrix:
        """Feature rows (n_texts x n_features, CSR) for normalised texts; unknown words
        add nothing. Raises NotFittedError (scikit-learn) before ``fit``."""
        check_is_fitted(self, "vocabulary_")
        batch = _Batch(X)
        words = sparse.hstack([batch.word_counts, batch.pair_counts], format="csr") @ _project(
            batch.words.append(batch.pairs), self.vocabulary_
        )
        lexicon = batch.word_counts @ self._lexicon_matrix(
            batch.words
        ) + batch.pair_counts @ self._lexicon_matrix(batch.pairs)
        lexicon.data = np.log1p(lexicon.data) * self.lexicon_weight
        return sparse.hstack(
            [
                self.word_tfidf_.transform(words),
                self.char_tfidf_.transform(self._char_counts(batch)),
                lexicon,
            ],
            format="csr",
        )

    def _lexicon_matrix(self, items: pd.Index) -> sparse.csr_matrix:
        rows, cols = [], []
        for i, item in enumerate(items):
            for group in _lexicon_groups(item, self.stems_):
                rows.append(i)
                cols.append(group)
        return sparse.csr_matrix(
            (np.ones(len(rows)), (rows, cols)), shape=(len(items), len(self.lexicon_names_))
        )

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """Column names: ``word_<n-gram>``, ``char_<n-gram>``, ``lex_<concept>``.

        Raises NotFittedError (scikit-learn) before ``fit``.
        """
        check_is_fitted(self, "vocabulary_")
        return np.asarray(
            [f"word_{w}" for w in self.vocabulary_]
            + [f"char_{c}" for c in self.char_counter_.get_feature_names_out()]
            + [f"lex_{name}" for name in self.lexicon_names_],
            dtype=object,
        )


def _compile_lexicon(lexicon: Mapping[str, Sequence[str]]) -> tuple[dict, dict, dict]:
    """Index stems as (prefix -> groups, exact word -> groups, first word -> [(prefix, g)])."""
    prefixes: dict[str, set[int]] = {}
    exact: dict[str, set[int]] = {}
    phrases: dict[str, list[tuple[str, int]]] = {}
    for group, stems in enumerate(lexicon.values()):
        for stem in stems:
            whole = stem.endswith("$")
            words = split_words(stem.rstrip("$"))[:2]
            if len(words) == 1:
                (exact if whole else prefixes).setdefault(words[0], set()).add(group)
            elif len(words) == 2:
                phrases.setdefault(words[0], []).append((words[1], group))
    return prefixes, exact, phrases


def _lexicon_groups(item: str, stems: tuple[dict, dict, dict]) -> set[int]:
    prefixes, exact, phrases = stems
    if " " in item:  # a pair of adjacent words: only phrases can match
        first, second = item.split(" ", 1)
        return {g for prefix, g in phrases.get(first, ()) if second.startswith(prefix)}
    groups = set(exact.get(item, ()))
    for end in range(1, len(item) + 1):
        groups.update(prefixes.get(item[:end], ()))
    return groups


_CHUNK = 8192  # distinct answers per feature matrix in predict_proba


class RootCauseClassifier(ClassifierMixin, BaseEstimator):
    """Assign a root-cause category to free-text answers.

    Features: ``TextFeatures`` of normalised text; model: multinomial logistic regression
    (scikit-learn ``LogisticRegression``, lbfgs) with class-balanced sample weights, the
    ``n_samples / (n_classes * class_weight_total)`` rule of scikit-learn's
    ``class_weight="balanced"`` (so a category learned only from its description is not
    drowned out by ones with a hundred corpus examples).

    Parameters
    ----------
    C: inverse regularisation strength of the logistic regression.
    char_ngram_range: character n-gram sizes (robust to typos and word forms).
    lexicon: concept lexicon (feature name -> stems); ``None`` means ``DEFAULT_LEXICON``.
    lexicon_weight: scale of the lexicon block relative to the TF-IDF blocks (default
        ``LEXICON_WEIGHT``).
    second_ratio: in ``predict_top2``, a second category is returned when its probability
        is at least this fraction of the top one.
    random_state: seed for the solver (kept for reproducibility and API symmetry).
    """

    def __init__(
        self,
        C: float = 10.0,
        char_ngram_range: tuple[int, int] = (3, 5),
        lexicon: Mapping[str, Sequence[str]] | None = None,
        lexicon_weight: float = LEXICON_WEIGHT,
        second_ratio: float = 0.5,
        random_state: int | None = 0,
    ) -> None:
        self.C = C
        self.char_ngram_range = char_ngram_range
        self.lexicon = lexicon
        self.lexicon_weight = lexicon_weight
        self.second_ratio = second_ratio
        self.random_state = random_state

    def fit(
        self, X: Sequence[str], y: Sequence[str], sample_weight: Sequence[float] | None = None
    ) -> RootCauseClassifier:
        """Fit on texts ``X`` (a sequence, or a one-column DataFrame) and labels ``y``.

        ``sample_weight``: relative weight per text (default 1); classes are then balanced
        by total weight. Raises ValueError when ``X`` is a single string or a DataFrame of
        more than one column, when ``X`` and ``y`` differ in length, or when ``y`` has
        fewer than two categories.
        """
        texts = _as_texts(X)
        labels = np.asarray(y, dtype=object)
        if len(texts) != len(labels):
            raise ValueError(f"got {len(texts)} texts but {len(labels)} labels")
        self.classes_, encoded = np.unique(labels, return_inverse=True)
        if len(self.classes_) < 2:
            raise ValueError("need examples of at least two categories")
        weights = (
            np.ones(len(texts)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        )
        # Balance classes by total weight (corrections keep their extra weight inside).
        totals = np.bincount(encoded, weights=weights, minlength=len(self.classes_))
        weights = weights * (weights.sum() / (len(self.classes_) * totals[encoded]))
        normalised = [normalise_text(t) for t in texts]
        self.features_ = TextFeatures(
            char_ngram_range=self.char_ngram_range,
            lexicon=self.lexicon,
            lexicon_weight=self.lexicon_weight,
        ).fit(normalised)
        self.model_ = LogisticRegression(C=self.C, max_iter=3000, random_state=self.random_state)
        # A small problem: BLAS threads only add contention (measured 5x slower on 2 cores).
        with threadpool_limits(limits=1):
            self.model_.fit(self.features_.transform(normalised), encoded, sample_weight=weights)
        return self

    def predict_proba(self, X: Sequence[str]) -> np.ndarray:
        """Probability (0-1, rows sum to 1) of each class in ``classes_`` per text.

        Raises NotFittedError (scikit-learn) before ``fit``; ValueError when ``X`` is a
        single string or a DataFrame of more than one column.
        """
        check_is_fitted(self, "model_")
        return self.per_distinct_text(X, self.model_.predict_proba, len(self.classes_))

    def per_distinct_text(
        self, X: Sequence[str], fn: Callable[[sparse.csr_matrix], np.ndarray], width: int
    ) -> np.ndarray:
        """``fn(features)`` for the feature rows (``TextFeatures``) of the texts: an array
        of ``width`` columns per text, in order. Each distinct normalised text is computed
        once, in chunks so memory stays flat however many answers come in. Raises
        NotFittedError (scikit-learn) before ``fit``; ValueError like ``predict_proba``.
        """
        check_is_fitted(self, "features_")
        normalised = [normalise_text(t) for t in _as_texts(X)]
        if not normalised:
            return np.zeros((0, width))
        # Answers repeat a lot ("communication", "no tests"): score each distinct one once.
        codes, unique = pd.factorize(np.asarray(normalised, dtype=object))
        out = np.empty((len(unique), width))
        with threadpool_limits(limits=1):
            for start in range(0, len(unique), _CHUNK):
                chunk = list(unique[start : start + _CHUNK])
                out[start : start + _CHUNK] = fn(self.features_.transform(chunk))
        return out[codes]

    def predict(self, X: Sequence[str]) -> np.ndarray:
        """The most probable category id per text (object array).

        Raises NotFittedError (scikit-learn) before ``fit``; ValueError when ``X`` is a
        single string or a DataFrame of more than one column.
        """
        proba = self.predict_proba(X)
        return self.classes_[proba.argmax(axis=1)] if len(proba) else np.asarray([], object)

    def predict_top2(self, X: Sequence[str]) -> pd.DataFrame:
        """Best and (when it fits) second-best category with their probabilities.

        Columns as ``top_two``: ``category``, ``confidence`` (0-1), ``second_category``,
        ``second_confidence`` (0-1, or None with ``second_category``). The second category is
        kept when its probability is at least ``second_ratio`` of the best one. Raises
        NotFittedError (scikit-learn) before ``fit``; ValueError when ``X`` is a single
        string or a DataFrame of more than one column.
        """
        return top_two(self.predict_proba(X), self.classes_, self.second_ratio)


def top_two(proba: np.ndarray, classes: np.ndarray, second_ratio: float) -> pd.DataFrame:
    """Frame of best category and, when within ``second_ratio`` of it, the runner-up.

    ``proba``: n_texts x n_classes probabilities (at least two classes), columns in the
    order of ``classes``. Returns one row per text: ``category``, ``confidence`` (0-1),
    ``second_category`` and ``second_confidence`` (0-1), both None unless the runner-up's
    probability is at least ``second_ratio`` (0-1) times the best one's.
    """
    columns = ["category", "confidence", "second_category", "second_confidence"]
    if not len(proba):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    order = np.argsort(-proba, axis=1, kind="stable")
    rows = np.arange(len(proba))
    top, second = order[:, 0], order[:, 1]
    p_top, p_second = proba[rows, top], proba[rows, second]
    keep = p_second >= second_ratio * p_top
    return pd.DataFrame(
        {
            "category": classes[top].astype(object),
            "confidence": p_top.astype(float),
            "second_category": pd.Series(classes[second], dtype=object).where(keep, None),
            "second_confidence": pd.Series(p_second, dtype=object).where(keep, None),
        }
    )


def _as_texts(X: object) -> list[str]:
    if isinstance(X, str):
        raise ValueError("expected a sequence of texts, got a single string")
    if isinstance(X, pd.DataFrame):
        if X.shape[1] != 1:
            raise ValueError("expected one text column")
        X = X.iloc[:, 0]
    return [t if isinstance(t, str) else normalise_text(t) for t in X]


# --------------------------------------------------------------------------------------
# Training data: shipped corpus mapped onto the taxonomy in effect, plus description and
# keyword texts, plus manager corrections.
# --------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def load_corpus(path: Path = CORPUS_PATH) -> pd.DataFrame:
    """The shipped labelled corpus as a DataFrame with columns ``text``, ``category``.

    Cached (the last path read). Raises ValueError when the file is not a mapping
    ``examples: {category: [texts]}``; OSError when it cannot be read.
    """
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    examples = raw.get("examples") if isinstance(raw, dict) else None
    if not isinstance(examples, dict):
        raise ValueError(f"{path}: expected a mapping 'examples: {{category: [texts]}}'")
    rows = [(text, cid) for cid, texts in examples.items() for text in texts]
    return pd.DataFrame(rows, columns=["text", "category"])


def classifier_key() -> str:
    """Hash of what the shipped classifier is made of besides the taxonomy and the
    no-root-cause corpus (keyed elsewhere): this corpus file and the model's settings.
    Stored analysis made under another key is redone (``afterward.services.analysis_upkeep``).
    Raises OSError when the corpus cannot be read."""
    digest = hashlib.sha256(CORPUS_PATH.read_bytes())
    settings = RootCauseClassifier().get_params()
    digest.update(repr((sorted(settings.items()), NONE_PRIOR, SECOND_RATIO)).encode())
    return digest.hexdigest()[:16]


def training_data(taxonomy: Mapping[str, Category]) -> pd.DataFrame:
    """Corpus rows relabelled for ``taxonomy`` plus rows built from descriptions/keywords,
    plus the no-root-cause examples (``analysis.no_root_cause``) as ``NO_ROOT_CAUSE``.

    Returns columns ``text``, ``category`` (a taxonomy id or ``NO_ROOT_CAUSE``). A category gets the corpus
    examples of its own id and of its ``based_on`` ids; corpus categories absent from the
    taxonomy are dropped. Raises ValueError like ``load_corpus``.
    """
    corpus = load_corpus()
    parts = []
    for cid, category in taxonomy.items():
        sources = {cid, *category.based_on}
        own = corpus[corpus["category"].isin(sources)]
        parts.append(own.assign(category=cid))
        parts.append(pd.DataFrame({"text": _description_texts(category), "category": cid}))
    # Whatever the taxonomy, a text may have no root cause at all.
    parts.append(pd.DataFrame({"text": no_root_cause_examples(), "category": NO_ROOT_CAUSE}))
    return pd.concat(parts, ignore_index=True)


def _description_texts(category: Category) -> list[str]:
    # The description as a whole, each comma/semicolon clause, and each keyword: short
    # phrasings like real fragment answers ("scope creep", "no buffer").
    clauses = [c.strip(" .") for c in re.split(r"[,;]|\bor\b|\band\b", category.description)]
    texts = [category.description, *category.keywords, *(c for c in clauses if len(c) > 2)]
    return list(dict.fromkeys(texts))


def _taxonomy_lexicon(taxonomy: Mapping[str, Category]) -> dict[str, tuple[str, ...]]:
    lexicon = dict(DEFAULT_LEXICON)
    for cid, category in taxonomy.items():
        if category.keywords:
            lexicon[f"keywords_{cid}"] = category.keywords
    return lexicon


# How manager corrections teach (issue 12). Measured with ``bench/bench_root_causes.py``: half
# of a dev set given as corrections, the other half scored, mean macro-F1 of 5 splits; the
# team-written set (retro_dev) and the real one (real_retro_dev) are separate figures.
#
# 1. Weight. A confirmed answer counts as ``CORRECTION_WEIGHT`` corpus rows, so at about 70
#    corrections (the dev half) they weigh as much as the whole corpus (~2,100 rows): they
#    come from the organisation's own way of writing, the corpus does not. The corrected
#    model is then used alone. Before (2026-11-30), weight 3 and a 50/50 average with the
#    corpus-only model: team 0.794, real 0.496 (0.472 with no corrections). Weight 30
#    averaged 50/50: team 0.787, real 0.499; weight 30 alone: team 0.786, real 0.526.
#    The team set hardly moves with any setting (its answers are like the corpus already).
# 2. Neighbours. An answer close to corrected ones takes their vote: cosine similarity over
#    the corpus-only model's features (word and char TF-IDF, lexicon), the nearest
#    ``NEIGHBOURS`` corrections voting with weight similarity**``NEIGHBOUR_POWER``, mixed
#    in with a share rising linearly from 0 at ``NEIGHBOUR_FROM`` to 1 (the vote alone)
#    at ``NEIGHBOUR_FULL``. The two bounds come from the team corpus, not from a dev set:
#    in 5-fold cross-validation of the corpus, the nearest neighbour's label is right 41%
#    of the time below similarity 0.2, 77% at 0.3-0.4, 90% at 0.5-0.6, 98% at 0.6-0.7.
#    With 1.: team 0.786, real 0.533. In the corrected model's feature space instead:
#    real 0.524 (not analysed; its vocabulary adds words only the corrections use).
# 3. Near-identical answers (same ``answer_key``: case, punctuation, spelling variants,
#    placeholders) always get the confirmed category, with confidence 1.
# Tried and dropped: re-weighting classes to the corrections' category shares (prior
# shift, Saerens et al. 2002; with 1.: real 0.489, accuracy up, team 0.784);
# domain-adaptation feature copies (Daume 2007; team 0.73-0.76). Corrections alone carry little that generalises on
# real text (a model of the 74 given answers alone: real macro-F1 0.18), which bounds
# what any weighting of them can add.
CORRECTION_WEIGHT = 30.0
NEIGHBOURS = 5
NEIGHBOUR_POWER = 4.0
NEIGHBOUR_FROM = 0.3
NEIGHBOUR_FULL = 0.6
# A correction votes only for answers sharing most of its content words (Jaccard overlap
# of the words that are no stop word, and both negated or neither): similar wording
# around another subject ("Thanks for the great talk" -> none; "Thanks for the great
# alerts") takes no vote, and the vote never replaces the model entirely (so it never claims certainty; only same-key answers
# get confidence 1). Neither changes the dev-set figures (no scored answer there is that
# close to a given one); they stop one correction spilling onto unrelated answers (a fresh
# reviewer's finds, 2026-12-01).
NEIGHBOUR_MIN_OVERLAP = 0.75
NEIGHBOUR_MAX_SHARE = 0.9
_SIMILARITY_CELLS = 2_000_000  # texts x corrections per dense similarity block
SECOND_RATIO = 0.5  # a runner-up category is reported when >= half the top probability


# scikit-learn's English stop words less the negations: "We never owned the checklist"
# is not the same answer as "We owned the checklist".
_NEGATIONS = frozenset("no not never nobody none nothing cannot nor neither without".split())
_STOP_WORDS = ENGLISH_STOP_WORDS - _NEGATIONS


@dataclass(frozen=True)
class CorrectionNeighbours:
    """The corrected answers as unit feature vectors, for the nearest-neighbour vote.

    ``vectors``: n_corrections x n_features (CSR, rows of L2 norm 1 or 0) in the feature
    space of the corpus-only model (the space ``NEIGHBOUR_FROM``/``NEIGHBOUR_FULL`` were
    measured in); ``labels``: the column of each correction's category in ``classes``.
    """

    vectors: sparse.csr_matrix
    labels: np.ndarray
    n_classes: int
    content: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    negations: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))

    @classmethod
    def of(
        cls, model: RootCauseClassifier, texts: Sequence[str], categories: Sequence[str]
    ) -> CorrectionNeighbours:
        """Vectors of ``texts`` in ``model``'s features; ``categories`` must be among its
        ``classes_`` (ValueError otherwise)."""
        column = {c: i for i, c in enumerate(model.classes_)}
        missing = set(categories) - set(column)
        if missing:
            raise ValueError(f"categories not in the model: {sorted(missing)}")
        features = model.features_.transform([normalise_text(t) for t in texts])
        labels = np.array([column[c] for c in categories], dtype=int)
        vocabulary = model.features_.vocabulary_
        content = np.array(
            [
                i
                for i, w in enumerate(vocabulary)
                if " " not in w and w not in _STOP_WORDS and not w.isdigit()
            ],
            dtype=int,
        )
        negations = np.array([i for i, w in enumerate(vocabulary) if w in _NEGATIONS], dtype=int)
        return cls(_unit_rows(features), labels, len(model.classes_), content, negations)

    def votes(self, features: sparse.csr_matrix) -> np.ndarray:
        """Per text (feature rows in the same space): the vote of the nearest corrections
        over the classes (sums to 1, or 0 with no overlap at all), then its share.

        Returns n_texts x (n_classes + 1). The nearest ``NEIGHBOURS`` corrections vote
        with weight ``similarity ** NEIGHBOUR_POWER`` (cosine similarity, 0-1); the share
        is ``clip((s - NEIGHBOUR_FROM) / (NEIGHBOUR_FULL - NEIGHBOUR_FROM), 0, 1)`` for the
        best similarity ``s``.
        """
        out = np.zeros((features.shape[0], self.n_classes + 1))
        if not len(self.labels):
            return out
        units = _unit_rows(features)
        k = min(NEIGHBOURS, len(self.labels))
        step = max(1, _SIMILARITY_CELLS // len(self.labels))
        for start in range(0, units.shape[0], step):
            similarity = (units[start : start + step] @ self.vectors.T).toarray()
            similarity[
                self._content_overlap(units[start : start + step]) < NEIGHBOUR_MIN_OVERLAP
            ] = 0
            nearest = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
            near = np.clip(np.take_along_axis(similarity, nearest, axis=1), 0.0, 1.0)
            weights = near**NEIGHBOUR_POWER
            votes = np.zeros((len(near), self.n_classes))
            np.add.at(votes, (np.arange(len(near))[:, None], self.labels[nearest]), weights)
            total = weights.sum(axis=1, keepdims=True)
            out[start : start + step, :-1] = np.divide(
                votes, total, out=np.zeros_like(votes), where=total > 0
            )
            out[start : start + step, -1] = NEIGHBOUR_MAX_SHARE * np.clip(
                (near.max(axis=1) - NEIGHBOUR_FROM) / (NEIGHBOUR_FULL - NEIGHBOUR_FROM), 0, 1
            )
        return out

    def _content_overlap(self, units: sparse.csr_matrix) -> np.ndarray:
        """Jaccard overlap (0-1) of the content words (unigrams that are no stop word of
        scikit-learn's ``ENGLISH_STOP_WORDS``, negations kept) of each text and each
        correction; 0 where one is negated and the other is not."""
        if not len(self.content):
            return np.ones((units.shape[0], len(self.labels)))
        ours = (units[:, self.content] != 0).astype(np.float64)
        theirs = (self.vectors[:, self.content] != 0).astype(np.float64)
        shared = (ours @ theirs.T).toarray()
        union = (
            np.asarray(ours.sum(axis=1)).reshape(-1, 1)
            + np.asarray(theirs.sum(axis=1)).reshape(1, -1)
            - shared
        )
        overlap = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
        if len(self.negations):  # "The deploy was not great" is no "The deploy was great"
            negated = np.asarray(units[:, self.negations].getnnz(axis=1) > 0).reshape(-1, 1)
            theirs_negated = np.asarray(self.vectors[:, self.negations].getnnz(axis=1) > 0)
            overlap[negated != theirs_negated.reshape(1, -1)] = 0.0
        return overlap


def _unit_rows(matrix: sparse.spmatrix) -> sparse.csr_matrix:
    """Rows scaled to Euclidean norm 1 (all-zero rows stay zero)."""
    matrix = sparse.csr_matrix(matrix, dtype=np.float64)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return sparse.diags(scale) @ matrix


@dataclass(frozen=True)
class FittedRootCauses:
    """What classification needs: the default model, the corrected one (if any), its
    nearest-neighbour vote over the corrections and the confirmed answers
    (``analysis.text_normal.answer_key`` -> category id)."""

    default: RootCauseClassifier
    corrected: RootCauseClassifier | None = None
    confirmed: Mapping[str, str] = field(default_factory=dict)
    embedded: EmbeddingHead | None = None  # only with the `embeddings` extra switched on
    neighbours: CorrectionNeighbours | None = None

    @property
    def classes_(self) -> np.ndarray:
        """Category ids in the column order of ``predict_proba``."""
        return self.default.classes_

    @cached_property
    def confirmed_index(self) -> dict[tuple[str, ...], set[str]]:
        """``near_identical_entries`` entry -> categories of the confirmed answers filed
        under it; built once per fitted model (the model is cached by content), not per
        call."""
        return _one_step_index(self.confirmed)

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Probabilities (0-1) per text and class: the default model's, or with
        corrections the corrected model's mixed with the vote of the nearest corrected
        answers (``CorrectionNeighbours.votes``); then averaged with the sentence-embedding
        model's (equal weight) when embeddings are on.

        Raises ValueError when ``texts`` is a single string or a DataFrame of more than
        one column.
        """
        if self.corrected is None:
            proba = self.default.predict_proba(texts)
        else:
            proba = self.corrected.predict_proba(texts)
            if self.neighbours is not None and len(proba):
                votes = self.default.per_distinct_text(
                    texts, self.neighbours.votes, self.neighbours.n_classes + 1
                )
                share = votes[:, -1:]
                proba = (1 - share) * proba + share * votes[:, :-1]
        if self.embedded is not None and len(proba):
            proba = (proba + self.embedded.predict_proba(_as_texts(texts), self.classes_)) / 2
        return proba


_CACHE_SIZE = 8
_model_cache: OrderedDict[tuple[str, str], FittedRootCauses] = OrderedDict()
_cache_lock = threading.RLock()


def _corrections_frame(
    corrections: pd.DataFrame | None, taxonomy: Mapping[str, Category]
) -> pd.DataFrame:
    if corrections is None or len(corrections) == 0:
        return pd.DataFrame({"text": [], "category": [], "key": []}, dtype=object)
    missing = {"text", "category"} - set(corrections.columns)
    if missing:
        raise ValueError(f"corrections need columns 'text' and 'category' (missing {missing})")
    frame = corrections[["text", "category"]].dropna()
    # Unknown categories are ignored; "no root cause" is a manager's answer too.
    frame = frame[frame["category"].isin([*taxonomy, NO_ROOT_CAUSE])]
    frame = frame.assign(text=frame["text"].astype(str))
    frame = frame[frame["text"].str.strip() != ""]
    # One example per near-identical answer (``answer_key``; the last review wins): a review
    # of a card covering twenty identical answers is one lesson, not twenty, so a repeated
    # sentence cannot outweigh the corpus twenty times over.
    frame = frame.assign(key=[answer_key(t) for t in frame["text"]])
    return frame.drop_duplicates("key", keep="last").reset_index(drop=True)


def _corrections_key(frame: pd.DataFrame) -> str:
    digest = hashlib.sha256()
    for text, category in zip(frame["text"], frame["category"], strict=True):
        digest.update(f"{text}\x1f{category}\x1e".encode())
    return digest.hexdigest() if len(frame) else ""


def fitted_model(corrections: pd.DataFrame | None = None) -> FittedRootCauses:
    """Models for the taxonomy in effect (and corrections), fitted once and cached.

    ``corrections``: columns ``text`` and ``category`` (manager-confirmed); rows with a
    category not in the taxonomy, or blank text, are ignored, and near-identical texts
    (same ``answer_key``) count once, with the last row's category. With corrections, the
    corrected model (each correction weighing ``CORRECTION_WEIGHT`` corpus rows) replaces
    the corpus-only one, and their nearest-neighbour vote (``CorrectionNeighbours``) is
    kept beside it. Cache keys: the taxonomy
    file's path and content hash, ``analysis.text_normal.NORMALISER_KEY``, and a hash of
    the corrections (up to 8 models kept). Raises ValueError when ``corrections`` lacks a
    ``text`` or ``category`` column, or when the taxonomy file (or the corpus) cannot be
    read or is invalid.
    """
    path = taxonomy_path()
    taxonomy = load_taxonomy(path)
    frame = _corrections_frame(corrections, taxonomy)
    key = (
        f"{path.resolve()}:{taxonomy_key(path)}:{normaliser_key()}:{embeddings_key()}",
        _corrections_key(frame),
    )
    with _cache_lock:
        if key in _model_cache:
            _model_cache.move_to_end(key)
            return _model_cache[key]
        train = training_data(taxonomy)
        lexicon = _taxonomy_lexicon(taxonomy)
        if len(frame) == 0:
            default = RootCauseClassifier(lexicon=lexicon, second_ratio=SECOND_RATIO)
            fitted = FittedRootCauses(
                default.fit(train["text"], train["category"]), embedded=_embedding_head(train)
            )
        else:
            weights = np.r_[np.ones(len(train)), np.full(len(frame), CORRECTION_WEIGHT)]
            train = pd.concat([train, frame[["text", "category"]]], ignore_index=True)
            corrected = RootCauseClassifier(lexicon=lexicon, second_ratio=SECOND_RATIO).fit(
                train["text"], train["category"], sample_weight=weights
            )
            confirmed = dict(zip(frame["key"], frame["category"], strict=True))
            default = fitted_model().default
            fitted = FittedRootCauses(
                default,
                corrected,
                confirmed,
                _embedding_head(train, weights),
                CorrectionNeighbours.of(default, frame["text"], frame["category"]),
            )
        _model_cache[key] = fitted
        while len(_model_cache) > _CACHE_SIZE:
            _model_cache.popitem(last=False)
        return fitted


def _embedding_head(train: pd.DataFrame, weights: np.ndarray | None = None) -> EmbeddingHead | None:
    """The sentence-embedding model on the same training rows, when switched on."""
    if not embeddings_enabled():
        return None
    return EmbeddingHead().fit(train["text"].tolist(), train["category"], sample_weight=weights)


# The no-root-cause class learns from praise, logistics and content-free lines, which share
# many words with real answers ("great", "thanks", "team"); its probability is scaled by this
# prior (then each row renormalised) so a real cause keeps the answer unless "none" clearly
# wins. Chosen on team-written text (retro_dev and the invented held-out lines in
# tests/analysis/test_no_root_cause.py), never on the real dev set.
NONE_PRIOR = 0.6


def _with_none_prior(fitted: FittedRootCauses, texts: Sequence[str]) -> np.ndarray:
    proba = fitted.predict_proba(texts)
    column = np.flatnonzero(fitted.classes_ == NO_ROOT_CAUSE)
    if len(proba) and len(column):
        proba = proba.copy()
        proba[:, column[0]] *= NONE_PRIOR
        proba /= proba.sum(axis=1, keepdims=True)
    return proba


def classify_with_confidence(
    texts: Sequence[str], corrections: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Category, confidence and (when close) second category for each text.

    Columns: ``category`` (taxonomy id, or ``NO_ROOT_CAUSE``: always for a non-answer),
    ``confidence`` (probability 0-1; 1.0 for a non-answer and for a text near-identical
    to one a manager reviewed: same ``analysis.text_normal.answer_key``, or one light word
    apart, ``near_identical_entries``),
    ``second_category`` (None unless its probability is at least ``SECOND_RATIO`` of the
    best), ``second_confidence`` (0-1 or None). One row per input
    text, in order. ``corrections`` as in ``fitted_model``. Raises ValueError when
    ``texts`` is a single string or a DataFrame of more than one column, when
    ``corrections`` lacks a ``text`` or ``category`` column, or when the taxonomy file
    cannot be read or is invalid.
    """
    fitted = fitted_model(corrections)
    texts = _as_texts(texts)
    result = top_two(_with_none_prior(fitted, texts), fitted.classes_, SECOND_RATIO)
    if len(result):
        silent = np.array([is_non_answer(t) for t in texts])
        if silent.any():
            result.loc[silent, "category"] = NO_ROOT_CAUSE
            result.loc[silent, "confidence"] = 1.0
            result.loc[silent, "second_category"] = None
            result.loc[silent, "second_confidence"] = None
    if fitted.confirmed and len(result):
        hits = _confirmed_hits(
            fitted.confirmed, [answer_key(t) for t in texts], fitted.confirmed_index
        )
        mask = np.array([h is not None for h in hits])
        if mask.any():
            result.loc[mask, "category"] = [h for h in hits if h is not None]
            result.loc[mask, "confidence"] = 1.0
            result.loc[mask, "second_category"] = None
            result.loc[mask, "second_confidence"] = None
    return result


def _confirmed_hits(
    confirmed: Mapping[str, str],
    keys: Sequence[str],
    near: Mapping[tuple[str, ...], set[str]],
) -> list[str | None]:
    """The confirmed category of each key: its own, else that of the confirmed keys one
    step from it (one light word apart, ``near_identical_entries``; not a chain through
    other answers; ``near`` is ``_one_step_index(confirmed)``) when they agree, else None.
    The same key gets the same answer in any batch."""
    hits = []
    for key in keys:
        own = confirmed.get(key)
        if own is None and key:
            found = {c for e in near_identical_entries(key) for c in near.get(e, ())}
            own = next(iter(found)) if len(found) == 1 else None
        hits.append(own)
    return hits


def _one_step_index(confirmed: Mapping[str, str]) -> dict[tuple[str, ...], set[str]]:
    """Entry -> categories of the confirmed keys filed under it."""
    index: dict[tuple[str, ...], set[str]] = {}
    for key, category in confirmed.items():
        for entry in near_identical_entries(key):
            index.setdefault(entry, set()).add(category)
    return index


def classify_root_causes(
    texts: Sequence[str], corrections: pd.DataFrame | None = None
) -> list[str]:
    """One root-cause category id per text, or ``NO_ROOT_CAUSE`` ("none") for a text with
    no root cause: a non-answer ("N/A", "-", "nothing"), praise naming no practice,
    logistics (public contract).

    ``corrections`` (columns ``text``, ``category``) are manager-confirmed examples: each
    weighs ``CORRECTION_WEIGHT`` corpus rows, near-identical answers get its category and
    answers close to it lean towards it (``CorrectionNeighbours``); categories not in the
    taxonomy are ignored. Raises
    ValueError like ``classify_with_confidence``.
    """
    return classify_with_confidence(texts, corrections)["category"].tolist()


# -- the review queue: which answers a manager's review would teach most ----------------------

REVIEW_CARD_COLUMNS = (
    "card",
    "text",
    "answers",
    "members",
    "category",
    "confidence",
    "second_category",
    "priority",
    "responses",
    "threshold",
)


def review_priority(answers: object, confidence: object) -> object:
    """How much a review would teach: ``answers * (1 - confidence)`` (arrays or numbers).

    Uncertainty sampling, least-confident form (Settles, "Active Learning Literature
    Survey", 2009, section 3.1: ask about the item whose most likely label is least
    probable), weighted by how many answers the review settles, the density weighting of
    section 5.1 (Settles & Craven 2008: informativeness times representativeness). Here the
    weight is exact, not estimated: a review is stored for every near-identical answer of
    its card at once, and ``classify_with_confidence`` gives future ones the same category.
    A close runner-up needs no separate term: the stored confidence already falls as the
    runner-up's probability rises. Reviewed groups never reach this rule.
    """
    return answers * (1 - confidence)


def review_cards(
    candidates: pd.DataFrame, reviewed_texts: Sequence[str] = (), limit: int = 10
) -> pd.DataFrame:
    """Review cards: the candidates merged by near-identical key, most instructive first.

    Keys one light word apart are one card too
    (``analysis.text_normal.near_identical_groups``), so a manager's answer settles
    "Nobody owned the checklist" and "Nobody really owned the checklist, again" at once.

    ``candidates``: one row per distinct text, columns text, answers (a count), members
    (list of that text's answers, passed through), category, confidence (0-1),
    second_category, responses, threshold (``Store.correction_queue``). Rows whose
    ``analysis.text_normal.answer_key`` matches one of ``reviewed_texts``, or is one light
    word from one (``near_identical_entries``), are dropped (a manager settled it). Each
    card: card (a short stable id of its key, for widget keys), text (its most common
    variant, ties by text), answers (total), members (all variants' members), category and
    second_category (the suggestion for its most common variant), confidence (mean over answers),
    priority (``review_priority``), responses and threshold (largest). Ordered by priority
    descending, then confidence, then text; at most ``limit`` cards. Raises KeyError when
    a column is missing.
    """
    if candidates.empty:
        return pd.DataFrame(columns=list(REVIEW_CARD_COLUMNS))
    rows = candidates.assign(key=[answer_key(t) for t in candidates["text"]])
    # An answer equal to or one step from a reviewed one is settled already ("...,
    # honestly" after "..."); then one card per group of near-identical keys, named by its
    # first key.
    near_reviewed = {e for t in reviewed_texts for e in near_identical_entries(answer_key(t))}
    rows = rows[[near_reviewed.isdisjoint(near_identical_entries(k)) for k in rows["key"]]]
    if rows.empty:
        return pd.DataFrame(columns=list(REVIEW_CARD_COLUMNS))
    keys = sorted(set(rows["key"]))
    first = {k: keys[g] for k, g in zip(keys, near_identical_groups(keys), strict=True)}
    rows = rows.assign(
        key=rows["key"].map(first),
        answers=rows["answers"].astype(int),
        weighted=rows["confidence"].astype(float) * rows["answers"].astype(int),
    ).sort_values(["key", "answers", "text"], ascending=[True, False, True], kind="stable")
    grouped = rows.groupby("key", sort=False)
    top = grouped.head(1).set_index("key")  # the most common variant and its suggestion
    cards = pd.DataFrame(
        {
            "text": top["text"],
            "answers": grouped["answers"].sum(),
            "members": grouped["members"].agg(lambda m: list(chain.from_iterable(m))),
            "category": top["category"],
            "confidence": grouped["weighted"].sum() / grouped["answers"].sum(),
            "second_category": top["second_category"],
            "responses": grouped["responses"].max(),
            "threshold": grouped["threshold"].max(),
        }
    )
    cards["priority"] = review_priority(cards["answers"], cards["confidence"])
    cards["card"] = [hashlib.sha1(k.encode()).hexdigest()[:12] for k in cards.index]  # noqa: S324
    cards = cards.sort_values(
        ["priority", "confidence", "text"], ascending=[False, True, True], kind="stable"
    )
    return cards.head(limit).reset_index(drop=True)[list(REVIEW_CARD_COLUMNS)]
