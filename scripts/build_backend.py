"""The setuptools build backend, asking for mypy only when the compiled parser is wanted.

``CLAIMS_MYPYC=1 pip install .`` needs mypy (mypyc) in the isolated build environment; a
plain install should not download it. See ``setup.py``.
"""

from __future__ import annotations

import os
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403 - the rest of the backend, unchanged

MYPYC = ["mypy==2.4.1"]  # pinned: the generated C depends on the mypyc version


def _extra() -> list[str]:
    return MYPYC if os.environ.get("CLAIMS_MYPYC") == "1" else []


def get_requires_for_build_wheel(config_settings: Any = None) -> list[str]:
    return _setuptools.get_requires_for_build_wheel(config_settings) + _extra()


def get_requires_for_build_editable(config_settings: Any = None) -> list[str]:
    return _setuptools.get_requires_for_build_editable(config_settings) + _extra()
