"""Per-language hooks: a language data file may name the class that does its attribution.

Indonesian uses the shared :class:`~claims.parse.attribution.Attributor`; a language whose
grammar differs (English puts the speaker on either side of the verb, quotes fragments
inside the reporter's sentence) names a subclass in its ``[hooks]`` section, so the
pipeline stays shared and the grammar lives next to the language.
"""

from __future__ import annotations

import importlib

from claims.parse.attribution import Attributor
from claims.parse.language import Language
from claims.parse.lexicon import load_lexicon


def attributor_for(lang: Language) -> Attributor:
    """The attribution stage of ``lang``: its hook class when the data file names one."""
    spec = load_lexicon(lang.code).get("hooks", {}).get("attributor")
    if not spec:
        return Attributor(lang)
    module_name, _, class_name = spec.partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    return cls(lang)
