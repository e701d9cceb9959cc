"""Text normalisation with offset maps back to the original."""
