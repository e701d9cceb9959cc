"""The pure detection core: records, normalisation, detectors, policy and the engine. No I/O here."""
