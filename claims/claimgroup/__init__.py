"""Claims across outlets: grouping quotes of one statement, their relations, drift, conflicts.

Pure logic over plain records (no database); storage and the CLI call these functions.
See ``text`` (relations), ``grouping`` (claims), ``speakers`` and ``audit`` for the rules, and
``claims/data/claimgroup_<lang>.toml`` for the words they use.

    groups = group_claims(appearances)            # list[ClaimGroup], singletons included
    multi = [g for g in groups if len(g.outlets) >= 2]
    find_conflicts(groups)                        # one claim, speakers that disagree
    drift(groups)                                 # substantive first, with word diffs
    merge_candidates(speaker_infos)               # speaker records that look like one
    relation("4 persen - 5 persen", "4%-5%")      # -> "format"

``python -m claims.claimgroup.bench`` measures all of it on ``../shared/corpus`` when present.
"""

from claims.claimgroup.audit import (
    Conflict,
    ConflictSide,
    Drift,
    MergeCandidate,
    SpeakerInfo,
    drift,
    find_conflicts,
    merge_candidates,
)
from claims.claimgroup.grouping import Appearance, ClaimGroup, GroupingRules, group_claims
from claims.claimgroup.speakers import speaker_link
from claims.claimgroup.text import normalise, relation, render_diff, word_diff

__all__ = [
    "Appearance", "ClaimGroup", "Conflict", "ConflictSide", "Drift", "GroupingRules",
    "MergeCandidate", "SpeakerInfo", "drift", "find_conflicts", "group_claims",
    "merge_candidates", "normalise", "relation", "render_diff", "speaker_link", "word_diff",
]
