"""A labelled stream of account events: honest owners who trip naive rules, and the bad cases that hide.

`simulate(seed)` returns the events (interleaved across accounts, in time order) and the truth: for each
account its scenario, whether it is bad, the onset of the bad behaviour, and the ids of the attacker's
events. People log in at their own local working hours (time zone from their country), from their own
devices (realistic user agents), on home networks (a stable /24 of a real consumer ISP in their country),
mobile carriers, hotels, VPN exits; every address comes from geoip2fast's data (see `ipspace`).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from marketguard.adapters.ipintel.data import country_centroids
from marketguard.core.accounts.geo import NetworkType
from marketguard.simulate.ipspace import Net, pick

START = datetime(2026, 1, 5, tzinfo=UTC)
DAYS = 70

HOMES = (
    "US",
    "GB",
    "DE",
    "FR",
    "ES",
    "IT",
    "NL",
    "PL",
    "CA",
    "AU",
    "BR",
    "MX",
    "AR",
    "IN",
    "PK",
    "BD",
    "PH",
    "NG",
    "KE",
    "UA",
    "RO",
    "TR",
    "EG",
    "VN",
    "ID",
    "ZA",
    "PT",
    "JP",
)
VPN_EXITS = ("US", "NL", "DE", "GB", "SE", "CH", "SG", "CA", "FR")
FIRST = (
    "Ana",
    "Bruno",
    "Chen",
    "Dmytro",
    "Emeka",
    "Fatima",
    "Gabriel",
    "Hana",
    "Ivan",
    "Jasmine",
    "Kofi",
    "Lucia",
    "Mateo",
    "Nadia",
    "Omar",
    "Priya",
    "Quentin",
    "Rosa",
    "Sven",
    "Tomasz",
    "Uche",
    "Valentina",
    "Wei",
    "Yusuf",
)
LAST = (
    "Silva",
    "Kowalski",
    "Okafor",
    "Nguyen",
    "Garcia",
    "Schmidt",
    "Khan",
    "Rossi",
    "Dubois",
    "Petrenko",
    "Santos",
    "Mensah",
    "Tanaka",
    "Haddad",
    "Müller",
    "Ionescu",
    "Reyes",
    "Cohen",
    "Novak",
    "Ali",
)

DESKTOP_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36 "
    "Edg/{v}.0.0.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 "
    "Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.{m} "
    "Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0",
)
ANDROID_UA = (
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Mobile "
    "Safari/537.36"
)
IPHONE_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_{m} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.{m} Mobile/15E148 Safari/604.1"
)

HONEST = (
    "honest.regular",
    "honest.traveller",
    "honest.vpn",
    "honest.expat",
    "honest.nomad",
    "honest.household",
    "honest.new_phone",
    "honest.phone_abroad_payout",
)
BAD = (
    "shared.helper_abroad",
    "shared.helper_local",
    "rented.leased",
    "rented.sold",
    "takeover.abroad",
    "takeover.local_proxy",
    "takeover.two_step",
    "rented.proxy",
    "rented.remote_desktop",
)
SCENARIOS = HONEST + BAD


def _offset(country: str, rng: random.Random) -> int:
    lon = country_centroids()[country][1]
    return round(lon / 15.0) + rng.choice((-1, 0, 0, 0, 1))  # big countries span several zones


@dataclass
class Device:
    id: str
    ua: str
    mobile: bool


@dataclass
class Actor:
    """A person operating the account: where, when and on what they work."""

    name: str
    country: str
    offset: int
    start_hour: float
    span: float
    devices: list[Device]
    home: Net
    carrier: Net
    rate: float = 1.6  # sessions per working day

    def laptop(self) -> Device:
        return self.devices[0]


@dataclass
class Account:
    id: str
    scenario: str
    owner: Actor
    verified_country: str
    events: list[tuple[float, int, dict[str, Any]]] = field(default_factory=list)
    onset: float | None = None
    attacker_ids: list[str] = field(default_factory=list)
    seq: int = 0

    def emit(self, ts: float, kind: str, attacker: bool = False, **fields: Any) -> str:
        self.seq += 1
        event_id = f"{self.id}-{self.seq}"
        at = (START + timedelta(seconds=ts)).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.events.append((ts, self.seq, {"id": event_id, "kind": kind, "account_id": self.id, "at": at, **fields}))
        if attacker:
            self.attacker_ids.append(event_id)
        return event_id


class Simulator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.n_devices = 0

    # ---------------------------------------------------------------- people and their things

    def device(self, kind: str) -> Device:
        r = self.rng
        self.n_devices += 1
        v, m = r.randint(118, 126), r.randint(0, 5)
        if kind == "android":
            ua = ANDROID_UA.format(v=v)
        elif kind == "iphone":
            ua = IPHONE_UA.format(m=m)
        else:
            ua = r.choice(DESKTOP_UA).format(v=v, m=m)
        return Device(f"dev-{self.n_devices:06d}-{r.getrandbits(24):06x}", ua, kind in ("android", "iphone"))

    def actor(self, country: str, night_owl: bool | None = None, phone: bool = True) -> Actor:
        r = self.rng
        owl = r.random() < 0.1 if night_owl is None else night_owl
        start = r.uniform(15, 19) if owl else r.uniform(7, 11)
        devices = [self.device("desktop")]
        if phone:
            devices.append(self.device(r.choice(("android", "iphone"))))
        return Actor(
            name=f"{r.choice(FIRST)} {r.choice(LAST)}",
            country=country,
            offset=_offset(country, r),
            start_hour=start,
            span=r.uniform(6, 10),
            devices=devices,
            home=pick(r, country, NetworkType.CONSUMER).subnet24(r),
            carrier=pick(r, country, NetworkType.MOBILE),
            rate=r.uniform(1.0, 2.2),
        )

    # ---------------------------------------------------------------- activity

    NetChoice = Callable[[Actor, Device, int], str]

    def at_home(self, actor: Actor, device: Device, day: int) -> str:
        r = self.rng
        if device.mobile and r.random() < 0.5:
            return actor.carrier.address(r)
        return actor.home.address(r)

    def work(
        self,
        acc: Account,
        actor: Actor,
        day_from: int,
        day_to: int,
        net: NetChoice | None = None,
        attacker: bool = False,
        device_pick: Callable[[Actor], Device] | None = None,
        weekends: bool = True,
        offset: int | None = None,
    ) -> None:
        """Sessions on each day in [day_from, day_to): logins at local working hours, most with a logout."""
        r = self.rng
        net = net or self.at_home
        tz = actor.offset if offset is None else offset
        for day in range(day_from, min(day_to, DAYS)):
            weekend = (START + timedelta(days=day)).weekday() >= 5
            rate = actor.rate * (0.3 if weekend and weekends else 1.0)
            sessions = sum(1 for _ in range(4) if r.random() < rate / 4)
            for _ in range(sessions):
                local = actor.start_hour + r.uniform(0, actor.span)
                ts = day * 86400 + (local - tz) * 3600 + r.uniform(0, 600)
                if ts < 0:
                    continue
                device = device_pick(actor) if device_pick else self.choose_device(actor)
                ip = net(actor, device, day)
                sid = f"s{r.getrandbits(40):010x}"
                acc.emit(
                    ts,
                    "login",
                    attacker,
                    ip=ip,
                    device_id=device.id,
                    user_agent=device.ua,
                    session_id=sid,
                    success=True,
                )
                if r.random() < 0.8:
                    acc.emit(
                        ts + r.uniform(0.3, 5) * 3600,
                        "logout",
                        attacker,
                        ip=ip,
                        device_id=device.id,
                        user_agent=device.ua,
                        session_id=sid,
                    )

    def choose_device(self, actor: Actor) -> Device:
        r = self.rng
        if len(actor.devices) == 1 or r.random() < 0.65:
            return actor.devices[0]
        return r.choice(actor.devices[1:])

    def payout(
        self,
        acc: Account,
        actor: Actor,
        ts: float,
        name: str,
        country: str,
        ip: str,
        device: Device,
        attacker: bool = False,
    ) -> None:
        acc.emit(
            ts,
            "payout_change",
            attacker,
            method=self.rng.choice(("bank", "paypal", "payoneer", "wise")),
            beneficiary_name=name,
            beneficiary_country=country,
            ip=ip,
            device_id=device.id,
            user_agent=device.ua,
        )

    def local_ts(self, actor: Actor, day: int, offset: int | None = None) -> float:
        tz = actor.offset if offset is None else offset
        return day * 86400 + (actor.start_hour + self.rng.uniform(0, actor.span) - tz) * 3600

    def elsewhere(self, country: str, far: bool = True, degrees: float = 40.0) -> str:
        r = self.rng
        options = [c for c in HOMES if c != country]
        if far:
            lon = country_centroids()[country][1]
            options = [c for c in options if abs(country_centroids()[c][1] - lon) > degrees] or options
        return r.choice(options)

    # ---------------------------------------------------------------- scenarios

    def account(self, index: int, scenario: str) -> Account:
        r = self.rng
        country = r.choice(HOMES)
        owner = self.actor(country)
        acc = Account(f"acct-{index:05d}", scenario, owner, country)
        getattr(self, "s_" + scenario.replace(".", "_"))(acc, owner)
        acc.events.insert(
            0,
            (
                0.0,
                0,
                {
                    "id": f"{acc.id}-0",
                    "kind": "identity",
                    "account_id": acc.id,
                    "at": START.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "verified_name": owner.name,
                    "verified_country": acc.verified_country,
                },
            ),
        )
        return acc

    def own_payout(self, acc: Account, owner: Actor, chance: float = 0.4) -> None:
        r = self.rng
        if r.random() < chance:
            day = r.randrange(10, DAYS - 5)
            self.payout(
                acc,
                owner,
                self.local_ts(owner, day),
                owner.name,
                acc.verified_country,
                owner.home.address(r),
                owner.laptop(),
            )

    def s_honest_regular(self, acc: Account, owner: Actor) -> None:
        self.work(acc, owner, 0, DAYS)
        self.own_payout(acc, owner)

    def trip(self, acc: Account, owner: Actor, start: int, length: int, dest: str) -> None:
        r = self.rng
        hotel = pick(r, dest, NetworkType.CONSUMER).subnet24(r)
        local_mobile = pick(r, dest, NetworkType.MOBILE)
        tz = _offset(dest, r)

        def away(actor: Actor, device: Device, day: int) -> str:
            if device.mobile and r.random() < 0.4:
                return local_mobile.address(r) if r.random() < 0.5 else actor.carrier.address(r)  # roaming
            return hotel.address(r)

        self.work(acc, owner, start, start + length, away, offset=tz)

    def s_honest_traveller(self, acc: Account, owner: Actor) -> None:
        r = self.rng
        t1 = r.randrange(10, 25)
        l1 = r.randrange(5, 14)
        t2 = r.randrange(t1 + l1 + 7, DAYS - 3)
        l2 = r.randrange(3, 9)
        self.work(acc, owner, 0, t1)
        self.trip(acc, owner, t1, l1, self.elsewhere(owner.country))
        self.work(acc, owner, t1 + l1, t2)
        self.trip(acc, owner, t2, l2, self.elsewhere(owner.country, far=False))
        self.work(acc, owner, t2 + l2, DAYS)
        self.own_payout(acc, owner, 0.3)

    def s_honest_vpn(self, acc: Account, owner: Actor) -> None:
        r = self.rng
        exits = [pick(r, c, r.choice((NetworkType.VPN, NetworkType.HOSTING))) for c in r.sample(VPN_EXITS, 4)]
        share = r.uniform(0.4, 0.9)

        def vpn(actor: Actor, device: Device, day: int) -> str:
            if r.random() < share:
                return r.choice(exits).address(r)
            return self.at_home(actor, device, day)

        self.work(acc, owner, 0, DAYS, vpn)
        self.own_payout(acc, owner)

    def s_honest_expat(self, acc: Account, owner: Actor) -> None:
        r = self.rng
        lives = self.elsewhere(owner.country, far=r.random() < 0.5)
        expat = self.actor(lives)
        expat.name, expat.devices = owner.name, owner.devices
        acc.owner = expat
        self.work(acc, expat, 0, DAYS)
        if r.random() < 0.4:
            day = r.randrange(10, DAYS - 5)
            self.payout(
                acc,
                expat,
                self.local_ts(expat, day),
                owner.name,
                r.choice((lives, acc.verified_country)),
                expat.home.address(r),
                expat.laptop(),
            )

    def s_honest_nomad(self, acc: Account, owner: Actor) -> None:
        r = self.rng
        day, place = 0, owner.country
        while day < DAYS:
            stay = r.randrange(14, 29)
            if place == owner.country:
                self.work(acc, owner, day, day + stay)
            else:
                here = self.actor(place)
                here.name, here.devices, here.start_hour, here.span = (
                    owner.name,
                    owner.devices,
                    owner.start_hour,
                    owner.span,
                )
                self.work(acc, here, day, day + stay)
            day += stay
            place = self.elsewhere(place, far=False)
        self.own_payout(acc, owner, 0.3)

    def s_honest_household(self, acc: Account, owner: Actor) -> None:
        owner.devices.append(self.device("iphone" if self.rng.random() < 0.5 else "android"))  # a tablet or 2nd phone
        owner.rate *= 1.3
        self.work(acc, owner, 0, DAYS)
        self.own_payout(acc, owner)

    def s_honest_new_phone(self, acc: Account, owner: Actor) -> None:
        r = self.rng
        switch = r.randrange(15, 50)
        self.work(acc, owner, 0, switch)
        old = owner.devices[1]
        owner.devices[1] = self.device("iphone" if "Android" in old.ua else "android")
        self.work(acc, owner, switch, DAYS)
        self.own_payout(acc, owner)

    def s_honest_phone_abroad_payout(self, acc: Account, owner: Actor) -> None:
        r = self.rng
        t = r.randrange(15, 40)
        length = r.randrange(6, 14)
        dest = self.elsewhere(owner.country)
        self.work(acc, owner, 0, t)
        self.trip(acc, owner, t, 2, dest)
        owner.devices[1] = self.device(r.choice(("android", "iphone")))  # the old one lost, a new one bought there
        new = owner.devices[1]
        self.trip(acc, owner, t + 2, length - 2, dest)
        day = t + r.randrange(2, length)
        ip = pick(r, dest, NetworkType.MOBILE).address(r)
        ts = self.local_ts(owner, day, _offset(dest, r))
        sid = f"s{r.getrandbits(40):010x}"
        acc.emit(ts, "login", ip=ip, device_id=new.id, user_agent=new.ua, session_id=sid, success=True)
        self.payout(acc, owner, ts + 600, owner.name, r.choice((acc.verified_country, dest)), ip, new)
        self.work(acc, owner, t + length, DAYS)

    # bad ---------------------------------------------------------------

    def onset(self) -> int:
        return self.rng.randrange(18, 40)

    def s_shared_helper_abroad(self, acc: Account, owner: Actor) -> None:
        start = self.onset()
        helper = self.actor(self.elsewhere(owner.country), phone=False)
        helper.rate *= 0.8
        self.work(acc, owner, 0, DAYS)
        acc.onset = start * 86400.0
        self.work(acc, helper, start, DAYS, attacker=True)

    def s_shared_helper_local(self, acc: Account, owner: Actor) -> None:
        start = self.onset()
        helper = self.actor(owner.country)
        helper.rate *= 0.8
        self.work(acc, owner, 0, DAYS)
        acc.onset = start * 86400.0
        self.work(acc, helper, start, DAYS, attacker=True)

    def handover(self, acc: Account, owner: Actor, until: int | None, foreign: bool) -> Actor:
        r = self.rng
        start = self.onset()
        operator = self.actor(self.elsewhere(owner.country) if foreign else owner.country)
        self.work(acc, owner, 0, start)
        acc.onset = start * 86400.0
        end = DAYS if until is None else start + until
        self.work(acc, operator, start, end, attacker=True)
        if until is not None:
            self.work(acc, owner, end, DAYS)
        if r.random() < 0.6:
            day = min(DAYS - 1, start + r.randrange(3, 15))
            device = operator.laptop()
            self.payout(
                acc,
                operator,
                self.local_ts(operator, day),
                operator.name if until is None else owner.name,
                operator.country,
                operator.home.address(r),
                device,
                attacker=True,
            )
        return operator

    def s_rented_leased(self, acc: Account, owner: Actor) -> None:
        self.handover(acc, owner, self.rng.randrange(14, 29), foreign=self.rng.random() < 0.7)

    def s_rented_sold(self, acc: Account, owner: Actor) -> None:
        self.handover(acc, owner, None, foreign=self.rng.random() < 0.7)

    def s_takeover_abroad(self, acc: Account, owner: Actor) -> None:
        r = self.rng
        start = self.onset()
        self.work(acc, owner, 0, DAYS)
        attacker = self.actor(self.elsewhere(owner.country), phone=False)
        net = pick(r, attacker.country, r.choice((NetworkType.CONSUMER, NetworkType.HOSTING)))
        self.strike(acc, attacker, start, [net.address(r)], delay_days=0)

    def s_takeover_local_proxy(self, acc: Account, owner: Actor) -> None:
        r = self.rng
        start = self.onset()
        self.work(acc, owner, 0, DAYS)
        attacker = self.actor(self.elsewhere(owner.country), phone=False)
        attacker.devices[0].ua = owner.laptop().ua  # mimics the owner's browser
        ips = [pick(r, owner.country, NetworkType.CONSUMER).address(r) for _ in range(3)]
        self.strike(acc, attacker, start, ips, delay_days=0, offset=owner.offset)

    def s_takeover_two_step(self, acc: Account, owner: Actor) -> None:
        r = self.rng
        start = self.onset()
        self.work(acc, owner, 0, DAYS)
        attacker = self.actor(self.elsewhere(owner.country), phone=False)
        local = r.random() < 0.5
        ips = [pick(r, owner.country if local else attacker.country, NetworkType.CONSUMER).address(r) for _ in range(2)]
        self.strike(acc, attacker, start, ips, delay_days=r.randrange(2, 6))

    def strike(
        self, acc: Account, attacker: Actor, day: int, ips: list[str], delay_days: int, offset: int | None = None
    ) -> None:
        """Log in as the owner, then (at once or days later) redirect the payout to a mule."""
        r = self.rng
        device = attacker.laptop()
        acc.onset = ts = self.local_ts(attacker, day, offset)
        sid = f"s{r.getrandbits(40):010x}"
        acc.emit(ts, "login", True, ip=ips[0], device_id=device.id, user_agent=device.ua, session_id=sid, success=True)
        if delay_days:
            ts = self.local_ts(attacker, min(DAYS - 1, day + delay_days), offset)
            sid = f"s{r.getrandbits(40):010x}"
            acc.emit(
                ts, "login", True, ip=ips[-1], device_id=device.id, user_agent=device.ua, session_id=sid, success=True
            )
        mule = f"{r.choice(FIRST)} {r.choice(LAST)}"
        while mule == acc.owner.name:
            mule = f"{r.choice(FIRST)} {r.choice(LAST)}"
        self.payout(
            acc,
            attacker,
            ts + r.uniform(120, 3600),
            mule,
            r.choice((attacker.country, acc.verified_country)),
            ips[-1],
            device,
            attacker=True,
        )

    def s_rented_proxy(self, acc: Account, owner: Actor) -> None:
        r = self.rng
        start = self.onset()
        renter = self.actor(self.elsewhere(owner.country), phone=False)
        self.work(acc, owner, 0, start)
        acc.onset = start * 86400.0

        def residential(actor: Actor, device: Device, day: int) -> str:
            return pick(r, owner.country, NetworkType.CONSUMER).address(r)

        self.work(acc, renter, start, DAYS, residential, attacker=True)
        if r.random() < 0.3:
            self.work(acc, owner, start, DAYS)  # the owner still drops by

    def s_rented_remote_desktop(self, acc: Account, owner: Actor) -> None:
        r = self.rng
        start = self.onset()
        # the renter works their own day, five or more time zones away (what makes such rentals pay)
        renter = self.actor(self.elsewhere(owner.country, degrees=75.0), phone=False)
        self.work(acc, owner, 0, start)
        acc.onset = start * 86400.0
        laptop = owner.laptop()
        self.work(
            acc,
            renter,
            start,
            DAYS,
            lambda a, d, day: owner.home.address(r),
            attacker=True,
            device_pick=lambda a: laptop,
        )


def simulate(seed: int, per_scenario: int = 30) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """(events in time order, truth) for `per_scenario` accounts of every scenario."""
    sim = Simulator(seed)
    accounts = [
        sim.account(i, scenario) for i, scenario in enumerate(s for s in SCENARIOS for _ in range(per_scenario))
    ]
    merged = sorted(
        ((ts, n, seq, ev) for n, acc in enumerate(accounts) for ts, seq, ev in acc.events),
        key=lambda t: (t[0], t[1], t[2]),
    )
    events = [ev for _, _, _, ev in merged]
    truth = {
        "seed": seed,
        "start": START.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "accounts": {
            acc.id: {
                "scenario": acc.scenario,
                "bad": acc.scenario in BAD,
                "onset": (START + timedelta(seconds=acc.onset)).strftime("%Y-%m-%dT%H:%M:%SZ")
                if acc.onset is not None
                else None,
                "attacker_events": acc.attacker_ids,
            }
            for acc in accounts
        },
    }
    return events, truth
