"""Where the shared public data sets live (`shared/datasets`, read-only, provenance in its SOURCES.md).

They sit beside the repository, not inside the package: a checkout at `/work/main` finds them at
`/work/shared/datasets`. A clone elsewhere (CI in a temporary folder, a developer's laptop) names them with
`MARKETGUARD_DATASETS`, so that nothing depends on where the checkout happens to be.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "MARKETGUARD_DATASETS"
_RELATIVE = Path("shared") / "datasets"


def datasets_dir() -> Path:
    """The data-set folder: `$MARKETGUARD_DATASETS`, else the first `shared/datasets` found upward.

    Looked up from the working directory and from this file, so both `marketguard train` run in the
    repository and an editable install find it; when nothing is found, the conventional `../shared/datasets`
    is returned so the caller's error message names a path a reader recognises.
    """
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    for base in (Path.cwd(), *Path.cwd().parents, *Path(__file__).resolve().parents):
        if (base / _RELATIVE).is_dir():
            return base / _RELATIVE
    return Path("..") / _RELATIVE


def dataset_file(*parts: str) -> Path:
    """A file inside the data-set folder (it may not exist: callers skip or explain)."""
    return datasets_dir().joinpath(*parts)
