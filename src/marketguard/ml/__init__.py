"""The trained scam text model: features, training, the compact artifact and its evaluation.

Training (`train.py`, `data.py`, `evaluate.py`) needs scikit-learn; scoring (`features.py`, `artifact.py`)
does not, so that the screener starts fast and never imports sklearn at run time.
"""
