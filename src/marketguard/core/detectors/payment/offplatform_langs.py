"""Paying outside the platform in the languages beyond the first six: Italian, Polish, Turkish, Indonesian,
Tagalog(-English), Hindi-English (romanised) and Arabic.

Data, not logic: per language, the words of paying directly or outside, of skipping the fee, and of the local rails
("bonifico", "przelew", "havale/EFT", "transfer bank", "GCash na lang", "paise seedha bhej do"). `PHRASES` joins
each language's list into one `Phrase` (`it-pay` … `ar-pay`) of `offplatform.py`'s table; the rail, pay and outside
words are merged into that module's rail tables and windows. A message without any of these words pays nothing:
the phrases sit in the detector's RE2 prefilter set, the rails behind its rail hint.
"""

from __future__ import annotations

from marketguard.core.detectors.pattern import Phrase
from marketguard.core.detectors.payment import offplatform_asia as asia
from marketguard.core.detectors.payment import offplatform_langs_more as more

PAY_PHRASES: dict[str, tuple[str, ...]] = {
    "it": (
        r"(?:pag(?:are|ami|o|hi|arti|amento|herei|herò|hero)|mand(?:o|erò|ero|iamo)|invi(?:o|erò|ero)|gir(?:o|erò|ero)|"
        r"trasferisc\w*|vers(?:o|erò|ero))\s(?:\w+\s){0,2}?(?:direttamente|fuori\s(?:dalla\s)?piattaforma|a\sparte|"
        r"in\snero|in\sprivato|per\sconto\smio)",
        # "la prima tranche qui, il resto fuori piattaforma"; closing the contract, then paying
        r"(?:qui|sulla\spiattaforma)\b[^!?\n]{0,50}?\b(?:il\s)?resto\b[^!?\n]{0,30}?(?:fuori|direttamente|a\sparte|in\snero|bonifico)",
        r"(?:chiud|termin|annull)\w*\s(?:il\s)?(?:contratto|progetto|ordine)\b[^!?\n]{0,60}?\b(?:pag\w*|bonifico|direttamente|fuori)",
        r"senza\s(?:la\s|le\s)?commission[ei]",
        # "così non paghiamo la commissione", "perché pagare la commissione"
        r"(?:non|perch[ée])\s(?:\w+\s)?pag(?:hiamo|are|hi|o|a)\s(?:\w+\s)?(?:la\s|le\s)?commission[ei](?!\s(?:della\sbanca|bancari\w*|del\sbonifico))",
        r"(?:evit|risparmi|salt)\w*\s(?:\w+\s){0,2}?(?:la\s|le\s)?commission[ei]",
        r"(?:ti|le)\s(?:faccio|mando|invio)\s(?:un\s)?bonifico",
        r"bonifico\s(?:diretto|direttamente|sul\smio\sconto|sul\stuo\sconto)",
        # the rest by a local rail: "il resto te lo giro con Satispay", "il saldo te lo mando su PostePay"
        r"(?:il\s)?(?:resto|saldo|rimanente|restante)\s(?:\w+\s){0,3}?(?:con|su|via|in|tramite|per|col)\s(?:la\s|il\s)?"
        r"(?:satispay|postepay|paypal|bonifico|contanti|revolut|ricarica|iban)\b",
    ),
    "pl": (
        r"zapłać\smi|zaplac\smi|zapłacę\sci|zaplace\sci|zapłacę\sbezpośrednio",
        r"przelew(?:em)?\s(?:bezpośrednio|bezposrednio|na\smoje\skonto|na\stwoje\skonto|na\smój|na\smoj|prywatnie)",
        r"bez\s(?:prowizji|opłaty|oplaty)",
        r"(?:omi[nń]\w*|unikn\w*|zaoszczędz\w*|zaoszczedz\w*)\s(?:\w+\s){0,2}?prowizj\w*",
        r"(?:płatność|platnosc|zapłata|zaplata)\s(?:\w+\s)?(?:bezpośrednio|bezposrednio|poza\s(?:platformą|platforma|portalem))",
        r"poza\s(?:platformą|platforma|portalem)\s(?:\w+\s){0,2}?(?:płac|plac|zapła|zapla|przelew)\w*",
        # "resztę dopłacę przelewem poza portalem": the pay verb before "outside"
        # not files sent: "wyślę ci pliki poza platformą" is the work's delivery (a contact matter), not a payment
        r"(?:dopła|dopla|zapła|zapla|płac|plac|przelej|przeleję|przeleje|wyśl|wysl)\w*\s"
        r"(?:(?!plik|materia|projekt|zdj[eę]ci|grafik|dokument|link)\w+\s){0,2}?"
        r"(?:poza\s(?:platformą|platforma|portalem|serwisem)|bezpośrednio|bezposrednio|prywatnie)",
        r"(?:resztę|reszte|reszta|pozostałą\skwotę|pozostala\skwote)\s(?:\w+\s){0,3}?(?:poza\s(?:platformą|platforma|portalem)|"
        r"bezpośrednio|bezposrednio|przelewem|na\s(?:moje|twoje)\skonto)(?:\s(?:\w+\s)?poza\s(?:platformą|platforma|portalem))?",
        r"(?:zamknijmy|zamknij|zakończmy|zakonczmy|zakończ|zakoncz)\s(?:\w+\s)?(?:umowę|umowe|kontrakt|zlecenie|projekt)\b"
        r"[^!?\n]{0,60}?\b(?:zapła|zapla|płac|plac|przelew|bezpośrednio|bezposrednio|poza)",
    ),
    "tr": (
        r"komisyon(?:u)?\s(?:vermeyelim|ödemeyelim|odemeyelim|olmasin|olmasin|vermek\sistemiyorum|ödemek\sistemiyorum|"
        r"ödemeyiz|odemeyiz|vermeyiz|ödemeyeceğiz|odemeyecegiz|vermeyeceğiz|vermeyecegiz|ödemeden|odemeden|vermeden)",
        r"komisyonsuz|komisyondan\s(?:kurtul|kaç|kac)\w*",
        r"(?:site|platform)\s(?:dişindan|disindan|dişinda|disinda)\s(?:\w+\s){0,2}?(?:öde|ode|ödeme|odeme|yap|havale|gönder|gonder)\w*",
        r"(?:ödeme|odeme)\w*\s(?:\w+\s){0,2}?(?:site|platform)\s(?:dişindan|disindan|dişinda|disinda)",
        r"(?:doğrudan|dogrudan|direkt)\s(?:\w+\s)?(?:öde|ode|havale|eft|gönder|gonder)\w*",
        r"(?:havale|eft)\w*\s(?:\w+\s)?(?:yap|at|gönder|gonder|yolla)\w*",
        # "dışarıda anlaşalım", "gerisini dışarıdan hallederiz": agreeing or settling outside
        # (the plain view writes dotless "ı" as "i": "dışarıda" is read as "dişarida")
        r"(?:d[iı][şs]ar[iı]da|d[iı][şs]ar[iı]dan|platform\sd[iı][şs][iı]nda)\s(?:\w+\s)?(?:anla[şs]|halled|hallet|"
        r"[öo]de|[çc][öo]z|devam\sed|g[öo]r[üu][şs])\w*",
        r"burada\b[^!?\n]{0,50}?\b(?:geri\w*|kalan\w*)\b[^!?\n]{0,30}?(?:d[iı][şs]ar[iı]\w*|direkt|do[ğg]rudan|havale|eft|iban)",
        # the case suffix required ("IBAN'a gönder"): "my IBAN at Revolut" is English
        r"iban'?(?:im|ima|a|ina|iniz)\s(?:\w+\s)?(?:at|gönder|gonder|yolla|havale|yatir|yatır)\w*",
        # "sözleşmeyi kapatalım, kalanı IBAN'a gönderirim"; "burada ilk kısım, kalanı dışarıdan"
        r"sözleşme\w*\s(?:\w+\s)?(?:kapat|bitir|sonlandir|sonlandır|iptal\set)\w*\b[^!?\n]{0,60}?\b(?:öde|ode|gönder|gonder|havale|"
        r"eft|iban|kalan)\w*",
        r"kalan\w*\s(?:\w+\s){0,2}?(?:iban|havale|eft|direkt|doğrudan|dogrudan|dişaridan|disaridan|platform\sdiş\w*|platform\sdis\w*|"
        r"elden|nakit|[çc]antada)",
        # "sistemde 500 TL gösterelim": a lower figure shown on the platform, the rest apart
        r"(?:sistemde|platformda|sitede|sözleşmede|sozlesmede)\s(?:\w+\s){0,3}?(?:g[öo]ster|yaz|gir)\w*\b[^!?\n]{0,40}?"
        r"\b(?:kalan\w*|geri\w*|fark\w*|elden)",
    ),
    "id": (
        r"bayar\w*\s(?:\w+\s){0,3}?(?:langsung|di\sluar|lewat\s(?:transfer|rekening|dana|ovo|gopay|shopeepay))",
        # "transfer bca langsung aja": a bank named, then "directly"
        r"(?:transfer|tf)\s(?:ke\s)?(?:bca|mandiri|bni|bri|jago|seabank|rekening)\s(?:\w+\s)?langsung",
        r"transfer\s(?:aja\s|saja\s)?(?:langsung|ke\srekening\s(?:aku|saya|ku|gue))",
        r"(?:tanpa|hindari|hemat|skip)\s(?:\w+\s)?(?:fee|komisi|potongan|biaya\s(?:admin|platform|layanan))",
        # "biar ga kena potongan": so that no cut is taken
        r"(?:ga|gak|nggak|ngga|ndak|tidak|tak)\s(?:usah\s)?kena\s(?:\w+\s)?(?:fee|komisi|potongan|biaya|admin)",
        r"di\sluar\s(?:platform|aplikasi|situs)\s(?:\w+\s){0,2}?(?:bayar|transfer|tf)\w*",
        # the deal itself outside: "transaksi di luar aja", "deal di luar platform", "jual beli di luar"
        r"(?:transaksi|bertransaksi|deal|dealing|jual\sbeli|kerjasama|kerja\ssama)\s(?:\w+\s)?di\sluar\b",
        r"tf\s(?:aja|langsung)\s(?:ke|ya)",
        # "bisa bayar via DANA ke 0812 …": a wallet named with a pay verb is a rail here, not a first name
        r"(?:bayar|transfer|tf|kirim)\w*\s[^.!?\n]{0,20}?\b(?:via|lewat|pakai|pake|ke)\s(?:dana|ovo|gopay|shopeepay|linkaja|"
        r"rekening|bca|mandiri|bni|bri|jago|seabank)\b",
        r"(?:sisa\w*|pelunasan)\s(?:\w+\s){0,2}?(?:langsung|transfer|tf|di\sluar|ke\srekening)",
        r"(?:tutup|selesaikan|batalkan|akhiri)\s(?:\w+\s)?(?:kontrak|order|pesanan|proyek|project)\w*\b[^!?\n]{0,60}?\b"
        r"(?:bayar|transfer|tf|langsung|rekening)",
    ),
    "tl": (
        r"(?:gcash|maya|paymaya)\s(?:na\s)?lang",
        r"bayad\s(?:\w+\s)?(?:diretso|direkta|sa\slabas)",
        r"(?:diretso|direkta)\s(?:na\s)?(?:bayad|sa\s(?:gcash|akin|account\sko))",
        r"(?:walang|wala\sng|iwas)\s(?:fee|bawas|kaltas|commission)",
        r"dito\b[^!?\n]{0,50}?\b(?:natitira|balance|the\srest|yung\srest)\b[^!?\n]{0,30}?(?:gcash|maya|diretso|direkta|sa\slabas|bank)",
        r"(?:i-?close|isara|tapusin|i-?end)\s(?:\w+\s){0,2}?(?:contract|kontrata|project)\b[^!?\n]{0,60}?\b(?:bayad|gcash|maya|"
        r"diretso|direkta|transfer)",
    ),
    "hi": (
        r"(?:paise|paisa|payment|amount)\s(?:\w+\s)?(?:seedha|sidha|direct)\s(?:bhej|de|kar|transfer|daal|dal)\w*",
        r"(?:seedha|sidha|direct)\s(?:mere\s|mujhe\s)?(?:account\s(?:me|mein)\s|upi\s(?:pe|par)\s)?(?:paise|payment)?\s?(?:bhej|de\sdo|"
        r"kar\sdo|transfer|daal\sdo)\w*",
        r"platform\s(?:ke\s|se\s)?bahar\s(?:\w+\s){0,2}?(?:pay|payment|paise|paisa)\w*",
        r"(?:commission|fees?|charges?)\s(?:\w+\s){0,2}?(?:bach\w*|nahi\sdena|nahin\sdena|mat\sdo|kyu\sdena|kyon\sdena|bachao|bachega|"
        r"(?:kyun|kyon|kyu)\s(?:de|dein|dena|dete|bhare|bharein|bharna))",
        # the deal done outside: "bahar deal kar lete hain", "platform ke bahar kaam karte hain"
        r"(?:bahar|platform\s(?:ke|se)\sbahar)\s(?:hi\s)?(?:deal|kaam|len-?den|lenden|transaction|settle)\s(?:kar|karte|karenge|karo|kar\slete)\w*",
        r"(?:gpay|phonepe|paytm|upi)\s(?:kar\sdo|kardo|karo|pe\sbhej\w*|par\sbhej\w*)",
        # "agar direct payment karoge", "direct transfer kar dena"
        r"(?:direct|seedha|sidha)\s(?:payment|pay|transfer)\s(?:kar|karo|karoge|karna|karenge|kardo|kar\sdo|kar\sdena|de\sdo|bhej\w*)\b",
        r"(?:yahan|yaha|platform\s(?:pe|par))\b[^!?\n]{0,50}?\b(?:baaki|baki|bacha\shua|remaining|rest)\b[^!?\n]{0,30}?"
        r"(?:seedha|sidha|direct|bahar|upi|gpay|phonepe|paytm|account|bank)",
        r"contract\s(?:\w+\s)?(?:band|close|khatam|cancel)\s(?:kar|karo|karte|kardo|kar\sdo)\w*\b[^!?\n]{0,60}?\b"
        r"(?:pay\w*|paise|paisa|seedha|sidha|direct|upi|bhej\w*)",
    ),
    "ar": (
        r"ادفع\s(?:لي\s|لك\s)?مباشرة|(?:الدفع|ادفعلي|ادفعلك)\s(?:خارج|مباشرة|برا)",
        r"(?:بدون|بلا|من\sغير)\s(?:عمولة|العمولة|رسوم|الرسوم)",
        # "نتفق برا المنصة", "عشان نوفر العمولة": dealing outside, saving the fee
        r"(?:نتفق|نتعامل|نكمل|نشتغل|نتحاسب|نتفاهم)\s(?:\S+\s)?(?:برا|بره|خارج)\s(?:ال)?(?:منصة|موقع)",
        r"(?:نوفر|نوفّر|توفير|نتجنب|نتهرب\sمن|وفر)\s(?:\S+\s)?(?:ال)?(?:عمولة|رسوم)",
        r"(?:حول|حوّل|حولي|حوللي|ابعتلي\sالفلوس)\s(?:لي\s)?(?:على|ع)\s(?:حسابي|الحساب|رقمي)",
        r"خارج\s(?:المنصة|الموقع)\s(?:\S+\s){0,2}?(?:ادفع|الدفع|الفلوس|تحويل)",
        # "وسأحوّل لك الباقي على حسابي": I will transfer (with its prefixes) … to an account; closing the contract,
        # then paying
        r"(?:و|ف)?(?:سأحول|ساحول|هحول|بحول|أحول|احول|نحول|رح\sأحول|رح\sاحول)\s(?:\S+\s){0,3}?(?:على|ع|إلى|الى|ل)\s?"
        r"(?:حسابي|حسابك|الحساب|رقمي)",
        r"(?:أغلق|اغلق|نغلق|نقفل|اقفل|لنغلق|نسكر|سكر)\s(?:ال)?عقد\S*\s(?:\S+\s){0,8}?(?:\S*حول\S*|\S*دفع\S*|الباقي|مباشرة|حساب\S*)",
        r"(?:هنا|على\sالمنصة)\s(?:\S+\s){0,6}?و?(?:الباقي|المتبقي)\s(?:\S+\s){0,4}?(?:مباشرة|خارج|حساب\S*|تحويل|بنك\S*)",
    ),
    # Vietnamese, with and without its accents: "chuyển khoản trực tiếp", "khỏi mất phí sàn", "thanh toán qua MoMo"
    "vi": (
        r"(?:chuy[eể]n\skho[aả]n|thanh\sto[aá]n|tr[aả]\sti[eề]n|g[uử]i\sti[eề]n|ck)\s(?:\w+\s){0,2}?(?:tr[uự]c\sti[eế]p|ri[eê]ng|th[aẳ]ng|"
        r"ngo[aà]i\s(?:s[aà]n|n[eề]n\st[aả]ng))",
        r"(?:kh[oỏ]i|kh[oô]ng|ko|tr[aá]nh|[dđ][oỡ])\s(?:b[iị]\s)?(?:m[aấ]t\s)?(?:ph[ií]|hoa\sh[oồ]ng)\s(?:s[aà]n|n[eề]n\st[aả]ng|app)",
        # "khỏi qua nền tảng", "bỏ qua sàn": no need to go through the platform
        r"(?:kh[oỏ]i\s(?:c[aầ]n\s)?|b[oỏ]\s)qua\s(?:s[aà]n|n[eề]n\st[aả]ng|app|web)",
        # the deal done outside, with a fee saved: "làm ngoài nền tảng đi, đỡ mất phí", "giao dịch ngoài sàn"
        r"(?:l[aà]m|giao\sd[iị]ch|deal|mua\sb[aá]n|trao\s[dđ][oổ]i)\s(?:\w+\s)?ngo[aà]i\s(?:s[aà]n|n[eề]n\st[aả]ng|app|web)\b"
        r"[^.!?\n]{0,30}?(?:ph[ií]|hoa\sh[oồ]ng|ti[eề]n|r[eẻ]|thanh\sto[aá]n|tr[aả])",
        r"(?:chuy[eể]n\skho[aả]n|thanh\sto[aá]n|tr[aả]|chuy[eể]n)\s(?:\w+\s)?(?:qua|b[aằ]ng)\s(?:momo|zalo\s?pay|vnpay|viettel\s?pay|"
        r"ng[aâ]n\sh[aà]ng|stk|t[aà]i\skho[aả]n\s(?:ri[eê]ng|c[uủ]a\s(?:m[iì]nh|t[oô]i|em|anh)))",
    ),
    # Dutch: "als je me direct betaalt", "schelen we de kosten", "buiten het platform om betalen"
    "nl": (
        r"(?:betaal|betaalt|betalen|maak|maakt|overmaken|stort|storten)\s(?:\w+\s){0,3}?(?:direct|rechtstreeks|buiten\s(?:het\s)?"
        r"platform|priv[ée])\b",
        r"(?:direct|rechtstreeks|buiten\s(?:het\s)?platform(?:\som)?)\s(?:\w+\s){0,2}?(?:betaal\w*|overmak\w*|overmaak|storten)",
        r"(?:scheelt|schelen|besparen|bespaar|ontlopen|ontwijken|omzeilen)\s(?:\w+\s){0,3}?(?:de\s)?(?:kosten|commissie|servicekosten|"
        r"platformkosten|fee)",
        r"zonder\s(?:de\s)?(?:commissie|servicekosten|platformkosten)",
        r"(?:hier|op\shet\splatform)\b[^!?\n]*?\b(?:de\s)?rest\b[^!?\n]*?(?:direct|rechtstreeks|buiten|tikkie|overmak\w*)",
    ),
    # Ukrainian: "скину на картку", "без комісії платформи", "напряму"
    "uk": (
        # "без комісії" with a payment beside it (alone it may be a price's terms or a rule quoted)
        r"(?:скин\w*|перека\w*|заплачу|оплачу|оплата|напряму|на\sкартку)[^.!?\n]*?без\s(?:комісії|комiсії|комісій)|"
        r"без\s(?:комісії|комiсії|комісій)[^.!?\n]*?(?:скин\w*|перека\w*|заплачу|оплачу|напряму|на\sкартку)",
        r"(?:скину|скинути|перекажу|переказати|переведу|заплачу|оплачу|надішлю)\s(?:\w+\s){0,3}?(?:на\sкартку|напряму|поза\sплатформою)",
        r"(?:оплата|оплату|гроші|платіж)\s(?:\w+\s){0,2}?(?:напряму|поза\sплатформою|на\sкартку)",
    ),
}
"""Per language, the phrases of paying outside: directly, off the site, without the fee, by the local transfer."""

STRONG_RAILS: dict[str, str] = {
    # rails that mean paying, named as their users write them
    "apple pay": r"apple\s?pay|samsung\s?pay|google\s?wallet",
    # not "dana", "ovo", "maya": first names and a 3-D tool as often as wallets; the phrases read them with a pay verb
    "local wallet": r"satispay|postepay|papara|ininal|gopay|shopeepay|stc\s?pay|instapay|vodafone\scash|fawry|"
    r"momo|zalo\s?pay|vnpay|viettel\s?pay|tikkie|monobank\w*|монобанк\w*|приватбанк\w*",
    # a card in Ukrainian: "на картку"
    "card (uk)": r"на\sкартку",
    # the international rails as Arabic writes them, with the prefixes that join the word ("بالباي بال", by PayPal)
    "western union (ar)": r"(?:ب|و|عبر\s)?(?:ال)?(?:ويسترن\sيونيون|وسترن\sيونيون|موني\s?جرام)",
    "paypal (ar)": r"(?:ب|و|عبر\s)?(?:ال)?باي\s?بال",
}
NEEDS_PAY_WORD = frozenset({"apple pay", "local wallet"})
"""Also tech topics (an Apple Pay button, a GoPay integration): they need a pay word beside them."""
WEAK_RAILS: dict[str, str] = {
    # bank transfers: the platform pays out through banks too, so an outside cue is needed
    "bank transfer (local)": r"bonifico(?:\sbancario)?|przelew(?:em|u)?|havale|eft|transfer\sbank|rekening|تحويل\sبنكي",
}
PAY_WORDS = (
    r"pagare|pagarti|pagarla|pagami|pagher\w*|paga|ادفع\w*|أدفع\w*|zapłać|zaplac|zapłacę|zaplace|płatno\w*|platno\w*|öde\w*|ode(?:me|yeyim|rim)\w*|bayar\w*|"
    r"kirim\w*|bhej\w*|paise|paisa|bayad|magbayad|ibayad|ادفع|دفع|الدفع|حول\w*|tf|odey\w*|ödey\w*|"
    # vi, nl, uk
    r"thanh\sto[aá]n|chuy[eể]n\skho[aả]n|tr[aả]\sti[eề]n|betaal\w*|stuur|overmak\w*|aanbetaling|скин\w*|переказ\w*|заплачу|оплачу"
)
"""Pay and send verbs of these languages, read in the rail's window (`offplatform._PAY`)."""
OUTSIDE_WORDS = (
    r"direttamente|bezpośrednio|bezposrednio|doğrudan|dogrudan|langsung|diretso|direkta|seedha|sidha|مباشرة|"
    r"fuori\sdalla\spiattaforma|poza\s(?:platformą|platforma|portalem)|(?:site|platform)\sdişi\w*|di\sluar\s(?:platform|aplikasi)|"
    r"platform\s(?:ke\s|se\s)?bahar|sa\slabas|خارج\s(?:المنصة|الموقع)|na\slang|bez\sprowizji|komisyonsuz|senza\scommission[ei]|"
    r"tanpa\s(?:fee|komisi)|tr[uự]c\sti[eế]p|rechtstreeks|напряму|без\sкомісії|senza\spassare\s(?:dalla|per\sla)\spiattaforma|(?:بدل|بدلا\sمن|برا|بره)\s(?:ال)?(?:منصة|موقع)"
)
"""Directly, outside the platform, without the fee: an off-platform cue in a rail's window (`offplatform._OUTSIDE`)."""

# nl, vi, uk, ro, Devanagari Hindi, Arabizi, and more of the languages above: `offplatform_langs_more`
for _code, _parts in more.PAY_PHRASES.items():
    PAY_PHRASES[_code] = PAY_PHRASES.get(_code, ()) + _parts
STRONG_RAILS.update(more.STRONG_RAILS)
NEEDS_PAY_WORD = NEEDS_PAY_WORD | more.NEEDS_PAY_WORD
WEAK_RAILS.update(more.WEAK_RAILS)
PAY_WORDS = f"{PAY_WORDS}|{more.PAY_WORDS}"
OUTSIDE_WORDS = f"{OUTSIDE_WORDS}|{more.OUTSIDE_WORDS}"
BENIGN_WORDS = more.BENIGN_WORDS
# ja, zh, ko, th, bn, ur, fa, sw, ms, and more Devanagari Hindi and romanised Urdu: `offplatform_asia`
for _code, _parts in asia.PAY_PHRASES.items():
    PAY_PHRASES[_code] = PAY_PHRASES.get(_code, ()) + _parts
STRONG_RAILS.update(asia.STRONG_RAILS)
NEEDS_PAY_WORD = NEEDS_PAY_WORD | asia.NEEDS_PAY_WORD
PAY_WORDS = f"{PAY_WORDS}|{asia.PAY_WORDS}"
OUTSIDE_WORDS = f"{OUTSIDE_WORDS}|{asia.OUTSIDE_WORDS}"
BENIGN_WORDS = f"{BENIGN_WORDS}|{asia.BENIGN_WORDS}"
"""A rail as the subject of shop work (`offplatform._BENIGN`)."""

_NO_WORD_START = frozenset({"ar", "hi-dv", "vi", "uk"}) | asia.NO_WORD_START
"""Scripts (or letters) where a leading `\\b` would not hold: Arabic, Devanagari's marks, Vietnamese and Cyrillic are
read with their own boundaries."""

PHRASES: tuple[Phrase, ...] = tuple(
    Phrase(
        f"{code}-pay",
        r"\b(?:" + "|".join(parts) + r")" if code not in _NO_WORD_START else "(?:" + "|".join(parts) + ")",
        "payment.offplatform",
        0.9,
        f"proposes payment outside the platform ({code})",
    )
    for code, parts in PAY_PHRASES.items()
)
