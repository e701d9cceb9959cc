"""Leave-one-author-out figures of the circumvention model (docs/model.md, "The circumvention model").

    .venv/bin/python bench/circ_loo.py                       # holdout4-6 folds + test + held-out SMS ham, JSON
    .venv/bin/python bench/circ_loo.py --folds holdout4      # one fold (about 3 minutes on a loaded machine)
    .venv/bin/python bench/circ_loo.py --folds holdout9 --no-test   # that fold only, without the test.jsonl training

Trains one model per fold (n_jobs=1, deterministic) and prints the figures as JSON; writes nothing else.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace

from marketguard.ml.circ_eval import leave_one_author_out
from marketguard.ml.circ_train import LOO_FOLDS, CircConfig, default_circ_sources


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", default=",".join(LOO_FOLDS))
    parser.add_argument("--fpr", type=float, default=CircConfig().fpr)
    parser.add_argument("--weight", type=float, default=CircConfig().marketplace_weight)
    parser.add_argument("--no-test", action="store_true", help="skip the all-sets training and test.jsonl")
    args = parser.parse_args()
    cfg = replace(CircConfig(), fpr=args.fpr, marketplace_weight=args.weight)
    folds = [f for f in args.folds.split(",") if f]
    print(json.dumps(leave_one_author_out(default_circ_sources(), cfg, folds, test=not args.no_test), indent=1))


if __name__ == "__main__":
    main()
