"""Paying outside the platform, the intent in words: "skip the fee", "close the contract and pay me directly",
"first milestone here, the rest outside", "put $20 on the offer and settle the rest elsewhere", in English and the
languages of `offplatform_langs`.

Split from `offplatform.py` along its seam: that module keeps the rails (a named PayPal, Zelle, IBAN next to a
payment cue) and amounts; this one is the phrase table its detector runs, in the same order as before.
"""

from __future__ import annotations

from marketguard.core.detectors.pattern import Phrase
from marketguard.core.detectors.payment import offplatform_langs as langs

_NOT_THROUGH = (
    r"(?:(?:don'?t|do\snot|not|never|skip|avoid|without)\s(?:go(?:ing)?\s|run(?:ning)?\s|book(?:ing)?\s|do(?:ing)?\sit\s)?"
    r"(?:through|via)\s(?:here|the\s(?:platform|site|app)|this\s(?:site|platform|app)|upwork|fiverr)|"
    r"no\spas(?:amos|ar|o)\spor\s(?:aqu[ií]|la\splataforma)|n[aã]o\spass(?:ar|armos|amos)\spela\splataforma|"
    r"ne\spass(?:e|ons)\spas\spar\s(?:ici|la\splateforme)|nicht\s(?:über|via)\s(?:die\splattform|hier)|"
    r"не\sчерез\s(?:площадку|платформу|сайт)|"
    # doing the deal or the invoice off the site: "if we do the invoice off the site", "si lo hacemos fuera de la plataforma"
    r"(?:off|outside(?:\sof)?)\s(?:the\s|this\s)?(?:site|platform|upwork|fiverr)|fuera\sde\sla\splataforma|"
    r"fora\sda\splataforma|en\sdehors\sde\sla\splateforme|au(?:ß|ss)erhalb\sder\splattform|вне\s(?:площадки|платформы|сайта))"
)
"""Not going through the platform: "if we don't go through here", "si no pasamos por la plataforma"."""
_DISCOUNT = (
    r"(?:\d{1,2}\s?%\s?(?:off|less|cheaper|de\sdescuento|de\sdesconto|de\sremise|rabatt|скидк\w*)|discount|cheaper|"
    r"knock\s(?:[\w%$€£]+\s){0,2}off|descuento|m[aá]s\sbarato|desconto|mais\sbarato|remise|moins\scher|rabatt|"
    r"billiger|g[üu]nstiger|скидк\w*|дешевле)"
)
_PLATFORM_FEE = (
    r"(?:(?:platform|site|service|upwork|fiverr)(?:'s)?\s(?:\d{1,2}\s?%\s)?(?:fee|fees|commission|cut)|"
    r"fees?\s(?:here|on\s(?:here|this\ssite|the\s(?:platform|site)))|comisi[oó]n\sde\sla\splataforma|"
    r"(?:comiss[aã]o|taxa)\sda\splataforma|(?:frais|commission)\sde\sla\splateforme|plattformgeb[üu]hr\w*|"
    r"geb[üu]hren\shier|provision\sder\splattform|комисси\w*\s(?:площадки|платформы|сайта|биржи)|"
    # "the platform takes too much", "Upwork eats 10%"
    r"(?:platform|site|upwork|fiverr)\s(?:takes|charges|eats|keeps|grabs|skims)\s(?:way\s)?(?:too\smuch|so\smuch|a\slot|"
    r"\d{1,2}\s?%|a\s(?:big|huge|fat)\s(?:cut|chunk|bite|share)))"
)
"""The platform's fee named as such; with `_PAY_OUTSIDE` after it, a complaint that leads to leaving."""
_PAY_OUTSIDE = (
    # "outside" as where to deal, not where a figure sits ("the fee is shown outside the invoice total")
    r"(?:outside(?=\s?(?:[,.!?;]|$|\s(?:i|we|you|it'?s|is|would|will|costs?|for|this\s(?:time|once|site|platform|app)|"
    r"of\s(?:here|the\s(?:platform|site|app)|upwork|fiverr)|the\s(?:platform|site|app)|upwork|fiverr)\b))|"
    r"off[-\s]?platform|off\s(?:the\s)?site|(?:just|simply)\s(?:wire|pay|send|transfer|venmo|zelle|paypal)|"
    r"off\sthe\sbooks|under\sthe\stable|"
    r"por\sfuera|por\sfora|fuera\sde\sla\splataforma|fora\sda\splataforma|en\sdehors|en\sdirect|au(?:ß|ss)erhalb|"
    r"напрямую|вне\s(?:площадки|платформы|сайта))"
)

INTENT: tuple[Phrase, ...] = (
    Phrase(
        "skip-fee",
        r"\b(?:skip|avoid|saves?|saving|bypass|dodge|cut\sout|escape|get\saround|don'?t\spay|not\spay|"
        # "no point giving them 20%", "what's the point of paying them a cut"
        r"no\spoint\s(?:in\s)?(?:giving|paying|losing)|(?:what'?s\s)?the\spoint\sof\s(?:giving|paying|losing)|"
        r"(?:don'?t|do\snot|not)\swant\sto\spay|not\sto\spay|(?:tired|sick)\sof\spaying|why\s(?:should|would)\s(?:we|i|you)\spay)\s"
        # "not pay the platform's cut", "saves us both the fees"
        r"(?:[\w']+\s){0,3}?(?:fee|fees|commission|cut|percentage|charges?|service\scharge|"
        # a bare figure, not a shop's discount: "save 20% on your first order", "text SAVE to 55501 for 10% off"
        r"\d{1,2}\s?%(?!\s?(?:off|on\s(?:your|the\sfirst|all|every|any)|discount)))(?!\w)",
        "payment.offplatform",
        0.9,
        "proposes to avoid the platform's fee",
    ),
    Phrase(
        "why-pay-fee",
        # "why pay the service charge when you can just send it to me", not "why pay the platform fee twice?"
        r"\bwhy\s(?:pay|paying|give|lose|hand\sover)\s(?:[\w']+\s){0,3}?(?:fee|fees|commission|cut|percentage|"
        r"service\scharge|charges?|\d{1,2}\s?%)\s(?:when|if)\s(?:we|you|u|i)\b",
        "payment.offplatform",
        0.85,
        "proposes to avoid the platform's fee",
    ),
    Phrase(
        "no-platform-fee",
        r"\b(?:no|without|zero|0%)\s(?:the\s)?(?:upwork|fiverr|platform|service|site)(?:'s)?\s"
        r"(?:fee|fees|commission|cut)\b",
        "payment.offplatform",
        0.85,
        "proposes to avoid the platform's fee",
    ),
    Phrase(
        "pay-directly",
        r"\b(?:pay|paid|paying|payment|payments|send\s(?:the\s)?(?:money|payment)|transfer\s(?:the\s)?money|wire|wiring|"
        r"transfer|venmo|zelle)\s"
        r"(?:(?:to\s)?(?:you|me|u|us|ya|each\sother|it|this|that|him|her|them|the\s(?:rest|balance|remainder|full\samount))\s)?"
        r"(?:(?:by|with|via)\s\w+\s|\w+\s)?(?:directly|direct|straight(?!\s(?:away|after|back|up|forward|from\sthe|through|on))|outside(?:\sof)?(?:\sthe)?(?:\s(?:platform|upwork|fiverr))?|"
        r"off[-\s]?platform|off\s(?:upwork|fiverr|the\splatform|the\ssite)|privately|personally|"
        r"under\sthe\stable|in\scash|in\sperson|by\shand)\b"
        # "pay it by card directly in the platform's checkout" is the platform's own way
        r"(?!\s(?:in|on|through|via|into)\s(?:the\s|this\s|your\s)?(?:platform|site|app|upwork|fiverr|escrow|checkout|milestone))",
        "payment.offplatform",
        0.9,
        "proposes payment outside the platform",
    ),
    Phrase(
        "close-and-pay",
        r"\b(?:close|end|cancel|finish|stop)\s(?:the|this|our)\s(?:contract|job|order|project)\b[^.!?\n]{0,60}?"
        r"\b(?:keep|continue|start)\s(?:paying|to\spay|payment)",
        "payment.offplatform",
        0.9,
        "proposes to end the contract and keep paying outside it",
    ),
    Phrase(
        "milestone-outside",
        r"\b(?:(?:first|1st|this|one|initial|small)\s(?:milestone|payment|part|order|deposit|[$€£]\s?\d[\d,.]*k?)|"
        r"milestone\s(?:one|1|\#1))\s"
        # "here", "on the platform", "through the site for your peace of mind"
        r"(?:(?:\w+\s){0,2}?(?:here|(?:on|through|via|in)\s(?:the\s)?(?:upwork|fiverr|platform|site|escrow|app)))"
        r"\b[^!?\n]{0,60}?\b(?:rest|remaining|remainder|balance|"
        r"others?|next\sones?)\b[^!?\n]{0,30}?\b(?:outside|directly|off|privately|elsewhere|straight\sto\s(?:me|my))\b",
        "payment.offplatform",
        0.9,
        "splits payment between the platform and outside",
    ),
    Phrase(
        "settle-outside",
        r"\b(?:settle|pay|send|handle|sort\sout)\s(?:the\s|you\sthe\s)?(?:rest|remainder|balance|"
        # "the remaining hours", "the actual $400", "the real amount"
        r"remaining(?:\s[\w%]+)?|(?:real|actual|true)\s(?:price|amount|total|payment|[$€£]\s?\d[\d,.]*k?)|"
        r"difference|extra|full\s(?:price|amount))\s(?:\w+\s){0,3}?(?:outside|directly|privately|off|elsewhere)\b",
        "payment.offplatform",
        0.9,
        "moves part of the price outside the platform",
    ),
    Phrase(
        "outside-pay",
        r"\b(?:outside|off)\s(?:of\s)?(?:the\s)?(?:platform|upwork|fiverr|site)\b[^.!?\n]{0,30}?\b(?:pay|payment|paid|money|transfer)",
        "payment.offplatform",
        0.85,
        "mentions payment outside the platform",
    ),
    Phrase(
        "here-rest-outside",
        r"\b(?:here|aqu[ií]|aqui|ici|hier|здесь|тут|on\s(?:the\s)?(?:platform|upwork|fiverr)|"
        r"через\s(?:площадку|платформу|сайт)|"
        r"en\sla\splataforma|na\splataforma|sur\sla\splateforme|auf\sder\splattform)\b"
        r"[^!?\n]{0,50}?\b(?:the\s)?(?:rest|remaining|remainder|balance|others?|resto|restante|reste|"
        r"rest|остальное|остаток|lo\sdem[aá]s|o\sresto|(?:los|las|os|as|les)\s(?:siguientes|pr[oó]xim[oa]s|seguintes|demais|suivants|"
        r"autres|otros|otras|outros|outras)(?:\s\w+)?|die\s(?:n[äa]chsten|weiteren|anderen)|следующие|другие|\d(?:\s(?:and|&|y|e|et|und|и|to|a|à|bis|до)\s\d|\s?[-–]\s?\d)?)\b"
        r"[^!?\n]{0,30}?(?:outside|directly|off\b|privately|personally|elsewhere|en\sdirect|лично|"
        r"por\sfuera|fuera|por\stransfer\w*|en\sdehors|au(?:ß|ss)erhalb|вне|напрямую|directement|"
        r"direkt|directo|direto|a\stu\scuenta|na\s(?:sua|tua)\sconta|by\s(?:bank|wire|transfer|paypal|wise|cash|crypto|usdt)|"
        r"por\s(?:transfer\w*|fora|pix|bizum|paypal|wise|efectivo|dinheiro)|(?:bank|wire)\stransfer|virement|[üu]berweisung|transferencia|transfer[êe]ncia|"
        r"te\spago|eu\ste\spago|par\svirement|per\s[üu]berweisung|на\sкарту)",
        "payment.offplatform",
        0.9,
        "splits payment between the platform and outside",
    ),
    Phrase(
        "rest-by-rail",
        r"\b(?:the\s)?(?:rest|remaining|remainder|balance|other\s[$€£]?\d+|real\s(?:[$€£]?\d+|price|amount)|"
        # the bulk of it: "I'll send the main payment via bank"
        r"(?:main|big|bigger|larger|major)\s(?:payment|part|amount|sum|chunk)|bulk(?:\sof\sit)?)"
        r"\s(?:[\w']+\s){0,4}?(?:by|via|through|in|on|per|por|par|to\syour|into\syour)\s(?:bank|wire|"
        r"transfer|paypal|wise|cash|crypto|usdt|zelle|venmo|revolut|account|card)"
        # "el resto te lo doy por transferencia", "o resto te mando por pix", "le reste par virement", "den Rest per Überweisung"
        r"|\b(?:el\sresto|lo\sdem[aá]s|lo\sque\sfalta|la\sdiferencia|o\sresto|o\srestante|a\sdiferen[cç]a|le\sreste|la\sdiff[ée]rence|"
        r"den\srest|die\sdifferenz|остальное|остаток|разницу)\s(?:[\w']+\s){0,4}?(?:por|pelo|via|par|en|per|mit|на|через|переводом)\s?"
        r"(?:transfer\w*|bizum|pix|paypal|wise|efectivo|dinheiro|virement|esp[èe]ces|liquide|[üu]berweisung|bar|карту|перевод\w*|"
        r"(?:mi|minha|ma|meine)\s(?:cuenta|conta|compte|konto))",
        "payment.offplatform",
        0.9,
        "moves part of the price to an outside rail",
    ),
    Phrase(
        "close-contract-pay",
        r"\b(?:close|end|cancel|finish|wrap\sup|drop|terminate|cl[ôo]tur\w*|ferme[rz]?|cierra|cerrar|cerramos|fecha|fechar|"
        r"encerr(?:a|ar|amos|e|o)|termin(?:a|ar|amos|e|emos)|cerremos|fecharmos|fechemos|fermons|fermerons|"
        r"fechamos|beende|beenden|schlie(?:ß|ss)e|закро\w*|закрыть|заверш\w*)\s(?:the\s|this\s|our\s|"
        # the demonstratives too: "fechar esse contrato", "cerrar este contrato", "fermer ce contrat", "закрыть этот заказ"
        r"le\s|el\s|o\s|den\s|das\s|esse\s|este\s|essa\s|esta\s|ese\s|nuestro\s|nosso\s|ce\s|cet\s|notre\s|diesen\s|unseren\s|"
        r"этот\s|наш\s)?(?:contract|job|order|contrat|contrato|vertrag|auftrag|"
        r"контракт|заказ)\b[^!?\n]{0,70}?\b(?:pay\w*|invoice|directly|outside|payer|paie|factur\w*|directement|deposit\w*|depósit\w*|"
        # "end the contract here, from next week I'll wire you straight"
        r"wire|wiring|transfer\w*|straight\sto|(?:you|me)\sstraight|zelle|venmo|paypal|bank\stransfer|off\sthe\sbooks|fees\b|"
        r"transfi\w*|pag\w*|zahl\w*|überweis\w*|пла[тч]\w*|опла[тч]\w*|перев\w*|send\w*\s(?:[\w']+\s){0,4}?to\syour\s"
        r"(?:bank|account|card|paypal|wallet)|retainer)"
        r"|\b(?:vertrag|auftrag)\s(?:\w+\s){0,2}(?:beenden|schlie(?:ß|ss)en|k[üu]ndigen)\b[^!?\n]{0,70}?"
        r"\b(?:zahl\w*|überweis\w*|bezahl\w*)",
        "payment.offplatform",
        0.9,
        "proposes to end the contract and keep paying outside it",
    ),
    Phrase(
        "continue-outside",
        # the job closed, the paid work carried on outside: "close this job? we'll continue the retainer outside",
        # "end the contract and keep the monthly billing off the platform" (not "outside business hours")
        r"\b(?:close|end|cancel|wrap\sup|finish)\s(?:this|the|our)\s(?:job|contract|order|gig|project)\b[^\n]{0,40}?\b"
        r"(?:continue|keep|carry\son|run|do)\s(?:the\s|our\s|my\s)?(?:\w+\s){0,2}?(?:retainer|billing|payments?|invoic\w+|"
        r"subscription|work|jobs?)\s(?:outside(?!\s(?:of\s)?(?:business|office|working|work|hours))|directly|"
        r"off\s(?:the\s)?(?:platform|site))",
        "payment.offplatform",
        0.85,
        "proposes to end the contract and keep the paid work going outside it",
    ),
    Phrase(
        "closed-then-pay-outside",
        # the contract's end told in the passive ("once this job's closed", "cuando se cierre el contrato"), then
        # a payment that needs no platform: the payment words alone would catch "once the job is done I'll pay you"
        r"\b(?:contract|job|order|project|gig)(?:'s|\s(?:is|gets|has\sbeen|was))?\s(?:closed|ended|done|finished|over|"
        # "after this contract ends I'll keep paying you by bank transfer"
        r"complete[d]?|wrapped\sup|ends|closes|finishes|wraps\sup)\b[^!?\n]{0,50}?\b(?:(?:just|simply)\s(?:wire|pay|send|transfer|"
        r"venmo|zelle|paypal)|(?:wire|pay|paid|paying|send|sending|transfer)\s(?:you\s|me\s|it\s|the\smoney\s)?(?:directly|direct|outside|privately|off\s(?:the\s)?"
        r"(?:site|platform)|by\s(?:wire|bank|paypal|zelle|wise|crypto)))"
        r"|\b(?:(?:se\s)?(?:cierre|cerrado|termine|terminado)\s(?:el\s)?(?:contrato|proyecto|pedido)|(?:o\s)?(?:contrato|projeto|"
        r"pedido)\s(?:fechar|for\sfechado|terminar|acabar)|(?:le\s)?(?:contrat|projet)\s(?:ferm[ée]|clos|termin[ée])|"
        r"(?:vertrag|auftrag|projekt)\s(?:beendet|abgeschlossen|geschlossen|fertig)|(?:контракт|заказ)\s(?:закро\w*|закрыт\w*|"
        r"заверш\w*))\b[^!?\n]{0,50}?\b(?:directamente|directo|por\sfuera|direto|diretamente|por\sfora|directement|en\sdirect|"
        r"en\sdehors|direkt|au(?:ß|ss)erhalb|напрямую|на\sкарту|лично)\b",
        "payment.offplatform",
        0.85,
        "proposes to keep paying outside once the contract is closed",
    ),
    Phrase(
        "cut-middleman",
        r"\b(?:let'?s|we\s(?:can|could|should)|why\snot|just|i'?d\srather)\s(?:cut\sout|cut|skip|bypass|drop|ditch|lose)\s"
        r"(?:the\s)?middle\s?(?:man|men)\b"
        r"|\b(?:cut\sout|skip|bypass|drop|ditch)\s(?:the\s)?middle\s?(?:man|men)\s(?:[\w']+\s){0,3}?(?:on|for|with|in)\s"
        r"(?:the\s)?(?:payments?|paying|fees?|billing|invoic\w+|money)\b"
        r"|\b(?:pag(?:o|ar|amos|a|as|ue|ues)|pai(?:e|es|er)|payer|zahl(?:e|en|st)|опла\w+)\s(?:[\w']+\s){0,2}?"
        r"(?:sin|sem|sans|ohne|без)\s(?:intermediarios?|"
        r"intermedi[aá]rios?|interm[ée]diaires?|mittelsm[äa]nner|mittelsmann|zwischenh[äa]ndler|посредник\w*)\b",
        "payment.offplatform",
        0.85,
        "proposes to take the platform out of the payment",
    ),
    Phrase(
        "future-outside",
        r"\b(?:future\s(?:jobs|work|projects|orders)|next\s(?:jobs|projects|orders)|from\snow\son)\b"
        r"[^.!?\n]{0,40}?\b(?:outside|directly|off\s(?:the\s|this\s)?(?:site|platform)|invoice[-\s]to[-\s]invoice|"
        # "future jobs don't need to go through here", "next projects needn't run via the platform"
        r"(?:don'?t|dont|do\snot|needn'?t|won'?t)\s(?:need\sto\s|have\sto\s)?(?:go|run|be\sbooked)\s(?:through|via|on)\s"
        r"(?:here|the\s(?:platform|site)|this\s(?:platform|site)|upwork|fiverr)|"
        # by the freelancer's own invoices: "future work invoice-to-invoice", "next projects on my own invoices"
        r"(?:by|via|on|with)\s(?:direct|my\sown|our\sown|your\sown|private)\sinvoices?)"
        r"|\binvoice[-\s]to[-\s]invoice\b[^.!?\n]{0,40}?\b(?:future|from\snow\son|next\s(?:jobs|projects|orders|time))",
        "payment.offplatform",
        0.8,
        "proposes doing future work outside the platform",
    ),
    Phrase(
        "money-off-site",
        r"\b(?:money|payment|paying|fees?|price|discount|cheaper|pay\s(?:me|you|us))\b[^.!?\n]{0,30}?\b(?:off|outside)[\s\-](?:of\s)?"
        r"(?:the\s|this\s)?(?:site|platform|upwork|fiverr|app)\b|\b(?:off|outside)[\s\-](?:of\s)?(?:the\s|this\s)?"
        r"(?:site|platform|upwork|fiverr)\b[^.!?\n]{0,40}?\b(?:discount|cheaper|save|saves|saving|money|"
        r"lower\s(?:price|rate))",
        "payment.offplatform",
        0.85,
        "ties a price advantage to leaving the platform",
    ),
    Phrase(
        "platform-cut",
        r"\b(?:give|pay|lose|hand)\s(?:the\s)?(?:platform|upwork|fiverr|them|site)\s(?:its|their|a|the|any)\s"
        r"(?:cut|fee|fees|commission|percentage|share)",
        "payment.offplatform",
        0.85,
        "objects to the platform's fee",
    ),
    Phrase(
        "not-give-cut",
        r"\b(?:not|n't|no\sneed\sto|why)\s(?:give|pay|lose|hand)\s(?:the\s)?(?:platform|upwork|fiverr|them|site)"
        # "not pay the platform's cut", "rather not give the platform another 10%" (not "why pay the platform fee twice")
        r"(?:'s\s|\s(?:its|their|a|the|any|another|more)\s)(?:cut|fee|fees|commission|percentage|share|\d{1,2}\s?%)"
        # "why give them 20%?": the platform's share as a bare figure after "why give/hand over" (not "why pay them 50%")
        r"|\bwhy\s(?:give|hand|lose)\s(?:over\s)?(?:the\splatform|upwork|fiverr|them|the\ssite)\s\d{1,2}\s?%",
        "payment.offplatform",
        0.85,
        "objects to the platform's fee",
        soft=False,
    ),
    Phrase(
        "another-way",
        r"\b(?:send|pay|transfer|give)\s(?:you\s)?(?:the\s)?(?:real|rest|actual|remaining|full)\s(?:amount|price|money|sum|part)?\s?"
        r"(?:\w+\s){0,2}?(?:another|some\sother|a\sdifferent|other)\sway|\b(?:pay|paid|invoice)\s(?:[\w']+\s){0,3}?"
        r"(?:separately|on\sthe\sside|off\sthe\sbooks)|\binvoice\s(?:you|me)\s(?:myself|yourself|directly|personally|privately)"
        r"|\b(?:send|transfer|wire|give|pay)\s(?:you\s)?(?:the\s)?(?:other|remaining|extra|rest\sof\sthe)?\s?[$€£]\s?\d[\d,.]*k?"
        r"\s(?:[\w']+\s){0,2}?(?:separately|on\sthe\sside|off\sthe\sbooks|outside|directly|privately|another\sway)"
        # the other part as a bare figure, the words for where it goes right after it ("the other 480 separately";
        # not "the other 3 files separately")
        r"|\b(?:send|transfer|wire|give|pay|cover)\s(?:you\s)?(?:the\s)?(?:other|remaining|extra|rest\sof\sthe)\s\d[\d,.]*k?\s"
        r"(?:(?:usd|eur|gbp|dollars|bucks|euros|hours?|hrs?)\s)?(?:(?:myself|personally|me)\s)?(?:separately|on\sthe\sside|off\sthe\sbooks|outside|directly|privately|"
        r"another\sway)\b",
        "payment.offplatform",
        0.85,
        "moves payment out of the contract",
    ),
    Phrase(
        "go-direct",
        r"\b(?:(?:go|work|deal|do\s(?:it|this|business))\s|(?:keep|continue|start)\s(?:working|doing\sbusiness)\s"
        r"(?:together\s|with\s(?:me|you|each\sother)\s)?)direct(?:ly)?\b(?!\sto\s(?:the\s)?(?:point|page|link))",
        "payment.offplatform",
        0.8,
        "proposes to deal directly, without the platform",
    ),
    Phrase(
        "settle-between-us",
        r"\b(?:settle|sort|handle|deal\swith|split|square)\s(?:(?:it|this|that|things|payment|the\spayment|up|out|"
        r"the\s(?:rest|remainder|balance|difference))\s){0,2}"
        r"(?:up\s)?(?:between\sus|between\sourselves|ourselves|privately|personally|directly|among\sourselves|"
        r"outside(?:\sof)?(?:\s(?:the\s)?(?:platform|site|app|upwork|fiverr))?(?!\s(?:of\s)?(?:court|the\scourt)))",
        "payment.offplatform",
        0.85,
        "proposes to settle payment privately",
    ),
    Phrase(
        "send-straight",
        r"\b(?:send|transfer|wire|pay)\s(?:it\s|the\smoney\s|money\s|you\s)?(?:straight|directly)\s"
        r"(?:to|into)\s(?:me|you|(?:your|my)\s(?:account|bank|card|wallet))",
        "payment.offplatform",
        0.9,
        "proposes to pay straight into an account",
    ),
    Phrase(
        "no-need-platform",
        r"\bno\sneed\s(?:for|to\s(?:use|go\sthrough|pay\sthrough|pay\svia|bother\swith))\s(?:the\s|this\s)?"
        r"(?:fee|fees|platform|upwork|fiverr|site|escrow|milestones?)\b(?!'s|\s(?:tutorial|docs?|guide|faq|settings|help))"
        # "no need to open new contracts on here": the next jobs off the platform
        r"|\bno\sneed\s(?:to\s(?:open|create|make|start|set\sup)\s|for\s)(?:any\s|new\s|more\s|another\s)*contracts?\s"
        r"(?:on\shere|here|on\s(?:the\s)?(?:platform|site|upwork|fiverr)|through\s(?:the\s)?(?:platform|site))\b"
        r"|\b(?:no\shace\sfalta|sin\snecesidad\sde)\s(?:usar\s|pasar\spor\s)?(?:la\splataforma|el\sescrow|la\sgarant[ií]a)\b"
        r"|\bn[aã]o\sprecisa(?:mos)?\s(?:de\s|usar\s|passar\spela\s)?(?:a\s)?(?:plataforma|garantia|escrow)\b"
        r"|\bpas\sbesoin\sde\s(?:passer\spar\s|l'|utiliser\s)?(?:la\splateforme|escrow|le\sséquestre|séquestre)\b"
        r"|\b(?:ohne|kein\w*)\s(?:treuhand\w*|escrow)\b|\bбез\s(?:эскроу|гаранта|безопасной\sсделки)",
        "payment.offplatform",
        0.8,
        "dismisses the platform's payment protection",
    ),
    Phrase(
        "friends-and-family",
        r"\b(?:friends\s?(?:and|&|n)\s?family|f\s?&\s?f)['\"’”]?\s(?:option|payment|transfer|mode|send|setting|way|method)\b"
        r"|\b(?:send\w*|pay\w*|sent|paid)\s(?:it\s|me\s|you\s)?(?:as|via|through|with|using)\s(?:a\s)?(?:friends\s?(?:and|&|n)\s?family|f\s?&\s?f)\b",
        "payment.offplatform",
        0.85,
        "proposes a personal transfer that skips buyer protection and fees ('friends and family')",
    ),
    Phrase(
        "wink-payment",
        r"['\"‘“](?:simplify|streamline|optimi[sz]e|sort\sout|handle|arrange|adjust)['\"’”]\s(?:the\s|our\s)?"
        r"(?:payments?|billing|fees?|invoic\w+)\b"
        r"|\b(?:payments?|paying|pay|fees?|billing)\b[^.!?\n]{0,40}\b(?:if\syou\sknow\swhat\si\smean|wink\swink|nudge\snudge)",
        "payment.offplatform",
        0.8,
        "hints at handling payment some other way, with a wink",
    ),
    Phrase(
        "without-platform",
        r"\b(?:hire|rehire|work\swith|book|pay|contract|keep\sworking|continue|do\s(?:it|this|that|the\s(?:next|rest)\w*)|"
        r"next\s(?:job|project|order)s?)\s(?:[\w']+\s){0,3}?(?:without|bypassing|skipping|cutting\sout)\s(?:the\s|this\s)?"
        r"(?:site|platform|upwork|fiverr|app|middle\s?man)\b"
        r"|\b(?:sin|sem|sans|ohne|без)\s(?:la\s|a\s|o\s|le\s|die\s|den\s)?(?:plataforma|plateforme|plattform|site|"
        r"площадки|платформы|биржи|сайта|intermediarios|intermedi[aá]rios|interm[ée]diaire)\b",
        "payment.offplatform",
        0.85,
        "proposes to work or be paid again without the platform",
    ),
    Phrase(
        "underreport",
        r"\b(?:rest|remainder|difference|balance|other\spart)\s(?:[\w'$€£]+\s){0,3}?(?:on\sthe\sside|off\sthe\sbooks|"
        r"under\sthe\stable)\b(?!\s?(?:panel|bar|menu|nav\w*|column|of|view|drawer))"
        r"|\b(?:other|remaining|extra)\s[$€£]\s?\d[\d,.]*k?\s(?:[\w']+\s){0,3}?(?:separately|on\sthe\sside|off\sthe\sbooks|"
        r"under\sthe\stable)\b(?!\s(?:in|as|via|through|on)\s(?:the\s|a\s)?(?:new\s|separate\s|second\s|another\s)?(?:platform|upwork|fiverr|contract|milestone))"
        r"|\b(?:the\s)?real\s[$€£]\s?\d[\d,.]*k?\s(?:[\w']+\s){0,3}?(?:separately|on\sthe\sside|off\sthe\sbooks|outside|directly|privately)\b"
        # "real payment goes through me directly", "the actual money comes to me separately"
        r"|\b(?:real|actual|true|proper)\s(?:payment|price|amount|money|rate|total)\s(?:\([^()\n]{1,16}\)\s)?(?:\w+\s){0,4}?(?:separately|on\sthe\sside|"
        r"off\sthe\sbooks|outside|directly|privately|elsewhere|through\sme|to\sme)\b"
        r"|\b(?:at|to|for)\s(?:only\s|just\s)?[$€£]\s?\d[\d,.]*k?\s(?:so|to\skeep|and\skeep)\s(?:the\s)?(?:platform\s|site\s|"
        r"service\s)?(?:fees?|commission|cut)\b"
        r"|\b(?:set|put|keep|make|quote|write)\s(?:the\s)?(?:contract|offer|order|milestone|invoice|price)\s(?:at|to|as)\s"
        r"(?:the\s)?(?:minimum|min|lowest|bare\sminimum)\b[^.!?\n]{0,40}?\b(?:rest|remainder|difference|balance|fees?|"
        r"on\sthe\sside|outside|separately|directly|privately)\b"
        r"|\b(?:el\sresto|lo\sdem[aá]s|o\sresto|le\sreste|den\srest|остальное)\s(?:\w+\s)?(?:por\sfuera|aparte|por\sfora|"
        r"[àa]\sc[ôo]t[ée]|au\snoir|nebenbei|schwarz|privat|отдельно|мимо)",
        "payment.offplatform",
        0.85,
        "puts part of the price outside the contract, so the platform's fee is lower",
    ),
    Phrase(
        "token-here",
        # a small sum or milestone kept on the platform only to look real: "accept $5 here so the job shows", "keep a
        # small milestone open here for appearance", "dejamos un hito aquí para aparentar", "этап на площадке для вида"
        # (led by the place, not by the sum: "order", "payment" and prices are in most messages, and a stretch after
        # each would cost the prefilter's automaton on every one of them)
        r"\b(?:here|aqu[ií]|aqui|ici|hier|здесь|тут|on\s(?:the\s)?(?:platform|site|upwork|fiverr)|"
        r"en\sla\splataforma|na\splataforma|sur\sla\splateforme|auf\sder\splattform|на\s(?:площадке|платформе|бирже))\b"
        r"[^.!?\n]{0,40}?(?:\bfor\s(?:appearances?|show|(?:the\s)?optics)|\bso\s(?:the\s)?(?:job|contract|order|gig|milestone)\s"
        r"(?:shows|appears|looks\s(?:legit|real|normal|active))|\bso\s(?:it|this|that|everything)\s(?:looks|seems|appears)\s"
        r"(?:legit|real|normal|official|above\sboard)|\bpara\s(?:aparentar|disimular|las\sapariencias|que\sse\svea)|"
        r"\bpra\s(?:constar|disfar[cç]ar|parecer\s(?:normal|real))|\bpour\sla\sforme|\bpour\sfaire\sjoli|\bzum\sschein|"
        r"\bpro\sforma|для\s(?:вида|галочки|отвода\sглаз))",
        "payment.offplatform",
        0.85,
        "keeps a token sum on the platform for show, so the real payment can go outside",
    ),
    Phrase(
        "discount-if-outside",
        # the discount first hangs on a condition word, not an open stretch: "discount" is common in price talk
        rf"\b{_DISCOUNT},?\s(?:if|when|as\slong\sas|provided|si|se|wenn|falls|если)\s(?:\w+\s){{0,4}}?{_NOT_THROUGH}\b"
        rf"|\b{_NOT_THROUGH}\b[^.!?\n]{{0,60}}?\b{_DISCOUNT}",
        "payment.offplatform",
        0.85,
        "offers a lower price for not going through the platform",
    ),
    Phrase(
        "fee-complaint-outside",
        rf"\b{_PLATFORM_FEE}(?!\w)[^\n]{{0,100}}?\b{_PAY_OUTSIDE}\b",
        "payment.offplatform",
        0.85,
        "complains about the platform's fee, then proposes paying outside it",
    ),
    Phrase(
        "ask-bank",
        r"\b(?:what(?:'s|s|\sis|\sare)|which|send(?:\sme)?|give(?:\sme)?|share)\s(?:the|your|ur)\s"
        r"(?:bank(?:\s(?:details|info|account))?|iban|(?:account|routing)(?:\s(?:and|&|/|\+)\s(?:routing|account|swift|sort\scode))?"
        r"\snumbers?|wallet(?:\saddress)?|"
        r"usdt\saddress|btc\saddress)(?=\s?[?.!,]|\s?$|\s(?:to|for|so|and|then|pls|please)\b)",
        "payment.offplatform",
        0.75,
        "asks for the other party's bank or wallet details",
    ),
    Phrase(
        "off-the-books",
        # "let's do the next phases off the books", "keep the rest under the table"
        r"\b(?:do|run|handle|keep|put|work|move|take|continue|doing|running|handling|keeping|working|paid|pay|paying|"
        r"settle|invoice|bill)\b[^.!?\n]{0,40}?\b(?:off\sthe\sbooks|under\sthe\stable|off\sthe\sradar)\b",
        "payment.offplatform",
        0.85,
        "proposes to deal off the books, outside the platform",
    ),
    Phrase(
        "ask-bank-abroad",
        # "envoie-moi ton RIB", "pásame tu CBU", "me passa seus dados bancários", "schick mir deine IBAN", "mandami il tuo IBAN"
        r"\b(?:envoie|donne|passe|envoyez|donnez|passez)[- ]moi\s(?:ton|votre|tes|vos)\s(?:rib|iban|coordonn[ée]es\sbancaires)\b"
        r"|\b(?:p[aá]same|dame|env[ií]ame|m[aá]ndame)\s(?:tu|su)\s(?:cbu|clabe|iban|cuenta\sbancaria|n[uú]mero\sde\scuenta|datos\sbancarios)\b"
        r"|\b(?:me\s)?(?:passa|manda|envia)\s(?:a\s|os\s)?(?:sua|seus|tua|teus)\s(?:dados\sbanc[aá]rios|conta\sbanc[aá]ria|iban|chave\spix)\b"
        r"|\b(?:schick|gib|sende)\s(?:mir\s)?(?:deine|ihre)\s(?:iban|kontonummer|bankverbindung|kontodaten)\b"
        r"|\b(?:mandami|dammi|passami|inviami)\s(?:il\s)?(?:tuo|suo)\s(?:iban|conto|numero\sdi\sconto)\b"
        r"|\b(?:podaj|wyślij|wyslij|daj)\s(?:mi\s)?(?:swój\s|swoj\s|twój\s|twoj\s)?(?:numer\skonta|iban)\b",
        "payment.offplatform",
        0.75,
        "asks for the other party's bank details",
    ),
    Phrase(
        "instead-of-through",
        # "pay it by transfer instead of through the site", "send it to me directly rather than via Upwork"
        # (fixed words, no counted stretch after "pay"/"send": the prefilter's automaton would carry it after every one)
        r"\b(?:pay|paid|send|settle|transfer|wire)\w*\s(?:\w+\s){0,2}?(?:by|via|with|through|in|on)\s\w+\s(?:transfer\s)?"
        r"(?:instead\sof|rather\sthan)\s(?:going\s|paying\s)?"
        r"(?:through|via|on|using|over)\s(?:here|the\s(?:site|platform|app|contract|escrow)|this\s(?:site|platform|app)|upwork|fiverr)\b",
        "payment.offplatform",
        0.85,
        "proposes paying by another way instead of through the platform",
    ),
    Phrase(
        "outside-then-fee",
        # the move first, then the fee as its reason: "could we do the next phases off the site? the service fee is eating
        # my budget"
        rf"\b(?:do|move|take|handle|continue|run|finish|keep)\s(?:[\w']+\s){{0,3}}?(?:off\s(?:the\s)?(?:site|platform)|off[-\s]platform|"
        rf"outside\s(?:the\s|of\s(?:the\s)?)?(?:site|platform|upwork|fiverr))\b[^\n]*?\b(?:{_PLATFORM_FEE}|\d{{1,2}}\s?%\s"
        rf"(?:fee|cut|commission)|(?:fee|fees|commission)\s(?:is|are)\s(?:too|so|eating|killing|insane|crazy))(?!\w)",
        "payment.offplatform",
        0.85,
        "proposes moving the work off the platform because of its fee",
    ),
    Phrase(
        "cash-in-person",
        # paying by hand when the two meet: "I could just pay you cash when you drop off the prints"
        r"\b(?:pay|hand|give|bring)\s(?:you|u|ya|me)\s(?:the\s(?:rest\s|money\s)?)?(?:in\s)?cash\b(?!\s(?:flow|back|prize|register|app))"
        r"|\bcash\s(?:in\shand|in\sperson|when\s(?:we|you|i)\s(?:meet|see|drop|come|pick))\b"
        r"|\b(?:te\s(?:pago|doy)|le\s(?:pago|doy))\s(?:\w+\s)?en\sefectivo\b|\b(?:te\s(?:pago|dou))\s(?:\w+\s)?em\s(?:dinheiro|esp[ée]cie)\b"
        r"|\b(?:je\s(?:te|vous)\s(?:paie|paye|donne))\s(?:\w+\s)?en\s(?:liquide|esp[èe]ces|cash)\b|\b(?:zahle|gebe)\s(?:dir|ihnen)\s"
        r"(?:\w+\s)?(?:bar|in\sbar)\b|(?:заплачу|отдам|дам)\s(?:тебе\s|вам\s)?(?:\w+\s)?налич\w*",
        "payment.offplatform",
        0.85,
        "offers to pay in cash, by hand",
    ),
    Phrase(
        "es-pay",
        r"\b(?:pago\sdirecto|(?:pag|transfer|deposit)(?:ir|irte|ar|arte|arme|o|a|as|an|amos|ue|ues|uemos|ar[eé]|encia)\s(?:\w+\s)?(?:directamente|por\sfuera|aparte)|"
        r"ahorr\w*\s(?:\w+\s){0,2}?(?:la\s)?(?:comisi[oó]n|tarifa)|sin\s(?:la\s)?comisi[oó]n|"
        r"sin\spagar\s(?:la\s)?comisi[oó]n|no\spag(?:ar|amos|as|o|ues|uemos)\s(?:la\s)?comisi[oó]n|pag(?:ar|o)\s(?:\w+\s){0,2}fuera\sde\s(?:la\s)?plataforma)\b",
        "payment.offplatform",
        0.9,
        "proposes payment outside the platform (es)",
    ),
    Phrase(
        "pt-pay",
        r"\b(?:pagamento\sdireto|(?:pag|transfer|deposit)(?:ir|ar|o|amento|ência|a|e|amos|ue|uem)\s(?:\w+\s)?(?:direto|diretamente|por\sfora)|"
        r"economiz\w*\s(?:\w+\s){0,2}?(?:a\s)?(?:taxa|comiss[aã]o)|fugir\sd[ao]s?\s(?:taxa|comiss[aã]o)|n[aã]o\spag(?:ar|amos|a|o)\s(?:a\s)?(?:taxa|comiss[aã]o)|sem\s(?:a\s)?(?:taxa|comiss[aã]o)|"
        r"pag(?:ar|o|amento)\s(?:\w+\s){0,2}fora\sda\splataforma|"
        # the deal closed outside: "vamos fechar por fora", "a gente acerta por fora", "negociamos fora da plataforma"
        r"(?:fechar|fechamos|fecha|acertar|acertamos|acerta|negociar|negociamos|combinar|combinamos|resolver|resolvemos|"
        r"fazer|fazemos|faz)\s(?:\w+\s)?(?:por\sfora|fora\sda\splataforma|fora\sdo\ssite))\b",
        "payment.offplatform",
        0.9,
        "proposes payment outside the platform (pt)",
    ),
    Phrase(
        "fr-pay",
        r"\b(?:paiement\sdirect|pa(?:yer|ie|yes|ies|yez)(?:[- ](?:moi|nous))?\s(?:\w+\s)?(?:directement|en\sdirect)|"
        r"(?:je\s)?(?:te|vous)\s(?:fais|ferai|envoie|enverrai)\s(?:un\s)?virement|"
        r"sans\s(?:les\s|la\s|le\s|aucuns?\s)?(?:frais|commission)|"
        # "si on passe en direct, pas de frais de service" (not "pas de frais de service en plus", a price)
        r"(?:en\sdirect|directement|hors\s(?:de\s(?:la\s)?)?plateforme)\b[^.!?\n]{0,30}?\b(?:pas\sde|plus\sde)\s(?:frais|commission)|"
        r"(?:pas\sde|plus\sde)\s(?:frais|commission)\b[^.!?\n]{0,40}?\b(?:en\sdirect|directement|hors\s(?:de\s(?:la\s)?)?plateforme)|(?:ne\s)?pa(?:yer|yons|ie|yez)\spas\s(?:les\s|la\s|de\s)(?:frais|commission)|"
        r"(?:[ée]vit(?:er|e|ons|ez)|[ée]conomis(?:er|e|ons|ez))\s(?:les\s)?(?:\d+\s?%\s(?:de\s)?)?(?:frais|commission)|"
        r"pa(?:yer|iement|ie|yez|yes)(?:[- ](?:moi|nous))?\s(?:\w+\s){0,2}en\sdehors\sde\s(?:la\s)?plateforme)\b",
        "payment.offplatform",
        0.9,
        "proposes payment outside the platform (fr)",
    ),
    Phrase(
        "de-pay",
        r"\b(?:direkt\s(?:be)?zahl\w*|(?:be)?zahl\w*\s(?:\w+\s){0,2}direkt|ohne\s(?:die\s)?(?:geb[üu]hr(?:en)?|provision)|(?:geb[üu]hr\w*|provision)\snicht\s(?:be)?zahl\w*|keine\s(?:geb[üu]hr\w*|provision)\s(?:\w+\s)?(?:be)?zahl\w*|(?:be)?zahl\w*\s(?:\w+\s)?keine\s(?:geb[üu]hr\w*|provision)|"
        r"direkt\s[üu]berweis\w*|[üu]berweis\w*\s(?:\w+\s){0,3}direkt|spar\w*\s(?:\w+\s){0,3}(?:die\s)?(?:provision|geb[üu]hr\w*)|"
        r"zahlung\sau(?:ß|ss)erhalb|au(?:ß|ss)erhalb\sder\splattform\s(?:\w+\s){0,2}(?:be)?zahl\w*)\b",
        "payment.offplatform",
        0.9,
        "proposes payment outside the platform (de)",
    ),
    Phrase(
        "ru-pay",
        r"(?:опла[тч]\w*\s(?:\w+\s)?напрямую|напрямую\s(?:\w+\s)?опла[тч]\w*|без\sкомисси\w*|"
        r"(?:не\sплатить|избежать|сэконом\w*\sна|зачем\s(?:\w+\s)?(?:платить|отдавать|переплачивать))\s(?:\w+\s)?комисси\w*|"
        # the platform's share as a figure, settling up directly: "зачем отдавать 20% сервису", "напрямую рассчитаемся"
        r"зачем\s(?:\w+\s)?(?:платить|отдавать|переплачивать|терять|дарить)\s(?:\w+\s)?\d{1,2}\s?%|"
        r"напрямую\s(?:\w+\s)?рассчита\w*|рассчита\w*\s(?:\w+\s)?напрямую|перевед\w*\s(?:\w+\s)?лично|вне\s(?:платформы|биржи|сайта)\s"
        r"(?:\w+\s){0,2}?(?:оплат\w*|плат\w*|деньги)|переведу\s(?:тебе\s|вам\s)?на\sкарту|перевод(?:ом)?\sна\sкарту)",
        "payment.offplatform",
        0.9,
        "proposes payment outside the platform (ru)",
    ),
    # it, pl, tr, id, tl, hi-en, ar: the phrase lists of `offplatform_langs`
    *langs.PHRASES,
)
