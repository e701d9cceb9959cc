"""The words for "at" and "dot" in an e-mail address read aloud, in the languages of `request_asia`.

Merged into `plain`'s spelled-punctuation words, which only rewrite them between an ASCII user name and an ASCII
domain ("yuki.tanaka アットマーク gmail ドット com"), so a Chinese "点" (also "a little", "o'clock") or a Korean "점"
(also "point", "shop") in prose is left alone. Bengali, Urdu and Devanagari are written as the view reads them
(`bare`, `deva`: their marks dropped).
"""

from __future__ import annotations

from marketguard.core.text.deva import deva
from marketguard.core.text.scripts import bare

AT_WORDS = (
    r"アットマーク|アット|あっとまーく|艾特|小老鼠|圈a|골뱅이|앳|แอท|"
    + bare(r"অ্যাট|এট|ایٹ|ات")
    + "|"
    + deva(r"एट|ऐट")
)
"""ja アットマーク, zh 艾特 / 小老鼠 (Taiwan), ko 골뱅이, th แอท, bn অ্যাট, ur ایٹ, fa ات, hi एट."""
DOT_WORDS = r"ドット|どっと|点|點|닷|점|ดอท|จุด|" + bare(r"ডট|ڈاٹ|نقطه|دات") + "|" + deva(r"डॉट|डाट")
"""ja ドット, zh 点 / 點, ko 닷 / 점, th ดอท / จุด, bn ডট, ur ڈاٹ, fa نقطه / دات, hi डॉट."""
