"""AccountMonitor: one account event in, a decision with its explanation out, per-account state updated.

The pipeline for a login: validate -> look the address up -> per-feature likelihood ratio against the
account's own smoothed history (Freeman et al., NDSS 2016) -> structural signals (new device/country,
impossible travel, concurrent sessions, operators) -> account-level verdict scores that accumulate and
fade -> the policy thresholds from `rules/accounts.yaml`. A payout change is judged against the verified
owner and the trust of the device it comes from. A bad event raises before anything is changed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from marketguard.core.accounts.config import AccountConfig
from marketguard.core.accounts.events import AccountEvent, AccountEventError, EventKind, event_from_dict
from marketguard.core.accounts.geo import IpIntel, NetInfo, NetworkType, great_circle_km
from marketguard.core.accounts.names import same_person
from marketguard.core.accounts.profile import COUNTRY, FEATURES, OS, Caps, Cluster, Device, Profile
from marketguard.core.accounts.result import AccountDecision, AccountResult, AccountSignal
from marketguard.core.accounts.store import AccountStore, InMemoryAccounts
from marketguard.core.accounts.ua import families

DAY = 86400.0
BASELINE_DAYS = 14
"""Working hours are learned in full during an account's first two weeks, then barely (see `_learn`)."""
HOUR = 3600.0
VERSION = "1"
LINKABLE = frozenset({NetworkType.CONSUMER, NetworkType.MOBILE, NetworkType.UNKNOWN})
"""Networks that tie devices to one household; hosting and VPN exits are shared by strangers."""
VERDICTS = ("account.shared", "account.rented", "account.takeover", "account.proxy")
# `.value` of an enum member is a descriptor call in CPython 3.11; these are plain dictionary reads.
_KIND_NAME = {k: k.value for k in EventKind}
_DECISION_NAME = {d: d.value for d in AccountDecision}
# Members as module names, for the same reason: `EventKind.LOGIN` is a metaclass attribute lookup (~80 ns).
_LOGIN, _LOGOUT, _PAYOUT_CHANGE = EventKind.LOGIN, EventKind.LOGOUT, EventKind.PAYOUT_CHANGE
_ALLOW, _CHALLENGE, _HOLD, _REVIEW, _BLOCK = AccountDecision
_CONSUMER = NetworkType.CONSUMER


def _det(name: str) -> str:
    return f"accounts.{name}@{VERSION}"


def _cluster_by_id(clusters: list[Cluster], cluster_id: int | None) -> Cluster | None:
    """The cluster with this id (there are at most `Caps.clusters`: a scan beats building an index)."""
    for c in clusters:
        if c.id == cluster_id:
            return c
    return None


class AccountMonitor:
    """Watches account events and answers each one.

    monitor = AccountMonitor()                                  # in-memory state, bundled geo data
    monitor = AccountMonitor(store=RedisAccounts(client), ipintel=MaxMindIntel(...), config=cfg)
    result = monitor.observe({"id": "e1", "kind": "login", "account_id": "a1", ...})
    result.decision, result.rule, result.signals, result.verdicts
    """

    def __init__(
        self,
        store: AccountStore | None = None,
        ipintel: IpIntel | None = None,
        config: AccountConfig | None = None,
        caps: Caps | None = None,
    ) -> None:
        if ipintel is None:
            from marketguard.adapters.ipintel import default_ipintel  # the bundled data, loaded on first use

            ipintel = default_ipintel()
        if config is None:
            from marketguard.core.accounts.config import default_account_config

            config = default_account_config()
        self.store: AccountStore = store if store is not None else InMemoryAccounts()
        self.ipintel = ipintel
        self.config = config
        self.caps = caps or Caps()
        self._s = config.signals
        self._v = config.verdicts
        self._p = config.policy
        self._log_pop_hour = [math.log(h) for h in config.population.hour]
        self._w = tuple(config.weights[f] for f in ("device", "country", "org", "network", "browser", "os", "hour"))
        w = self._w
        geo_w = {False: 1.0, True: 0.3}  # anonymising: the address says little about where the person is
        self._feature_weights = {
            anon: (w[0], w[1] * g, w[2] * g, w[3] * g, w[4], w[5]) for anon, g in geo_w.items()
        }  # the weights of COUNTED's features, with and without an anonymising network
        self._other_browser = config.population.browser["other"]
        self._other_os = config.population.os["other"]

    # ------------------------------------------------------------------ entry point

    def observe(self, event: Mapping[str, Any] | AccountEvent) -> AccountResult:
        """Judge one event; raises `AccountEventError` (a `RecordError`) for a bad one, changing nothing."""
        ev = event if isinstance(event, AccountEvent) else event_from_dict(event)
        ts, kind = ev.ts, ev.kind
        profile = self.store.get(ev.account_id)
        if profile is not None:
            replayed = profile.recent.get(ev.id)
            if replayed is not None:
                return AccountResult(
                    id=ev.id,
                    account_id=ev.account_id,
                    kind=_KIND_NAME[kind],
                    decision=AccountDecision(replayed),
                    rule="replay",
                    verdicts=dict(profile.verdicts),
                    replay=True,
                )
            if profile.last_ts is not None and ts < profile.last_ts:
                raise AccountEventError(
                    f"field 'at' goes back in time for account {ev.account_id!r}: {ev.at.isoformat()} is before its "
                    f"last event ({profile.last_ts:.0f} s since the epoch)"
                )
        else:
            profile = Profile()
        needs_net = kind is _LOGIN or kind is _PAYOUT_CHANGE
        net = self.ipintel.lookup(ev.ip) if needs_net and ev.ip is not None else None
        if profile.verdicts:
            self._fade(profile, ts)
        else:
            profile.verdict_ts = ts
        if kind is _LOGIN:
            assert net is not None
            result = self._login(profile, ev, net)
        elif kind is _LOGOUT:
            profile.sessions.pop(ev.session_id or "", None)
            if profile.verdicts:
                result = self._decide(profile, ev, [], 0.0, [])
            else:  # what `_decide` answers without verdicts or rules
                result = AccountResult(ev.id, ev.account_id, "logout", _ALLOW, "default-allow", (), {}, 0.0)
        elif kind is _PAYOUT_CHANGE:
            assert net is not None
            result = self._payout(profile, ev, net)
        else:
            profile.verified_name, profile.verified_country = ev.verified_name, ev.verified_country
            result = self._decide(profile, ev, [], 0.0, [])
        if profile.first_ts is None:
            profile.first_ts = ts
        profile.last_ts = ts
        recent = profile.recent  # `Profile.remember`, inlined
        recent[ev.id] = _DECISION_NAME[result.decision]
        if len(recent) > self.caps.recent_ids:
            del recent[next(iter(recent))]
        self.store.put(ev.account_id, profile)
        return result

    # ------------------------------------------------------------------ the statistical model

    def _base_hour_llr(self, profile: Profile, hour: int, n: float) -> float:
        """The hour against the slow baseline (learning a tenth per login), smoothed over neighbouring hours:
        a change of working hours stays visible for weeks instead of being learned in a day. `n` is
        `sum(profile.base_hours)`, which the caller has at hand."""
        base = profile.base_hours
        near = 0.5 * base[hour] + 0.25 * (base[hour - 1] + base[(hour + 1) % 24])
        p_user = (near + 1.0 / 24) / (n + 1.0)  # one pseudo-login spread evenly
        return min(self.config.clip_high, max(self.config.clip_low, math.log(1.0 / 24) - math.log(p_user)))

    def _local_hour(self, profile: Profile, ev: AccountEvent, net: NetInfo) -> int:
        """The hour where the person sits: the address's country, unless a VPN or server hides it."""
        offset = net.utc_offset
        if offset is None or net.anonymising:
            offset = profile.home_offset or 0
        return (ev.at.hour + offset) % 24

    # ------------------------------------------------------------------ login

    def _login(self, profile: Profile, ev: AccountEvent, net: NetInfo) -> AccountResult:
        cfg, s, v, caps = self.config, self._s, self._v, self.caps
        pop = cfg.population
        device_id = ev.device_id or ""
        browser, os = families(ev.user_agent)
        country = net.country or "??"
        anonymising = net.anonymising
        hour = self._local_hour(profile, ev, net)
        known_device = profile.devices.get(device_id)
        seasoned = profile.n_logins > 0
        # Freeman et al.: per feature, log p(value | population) - log p(value | this account), the account's
        # counts smoothed with `alpha` pseudo-logins drawn from the population; weighted, clipped, summed.
        # The geographic features weigh less behind a VPN or a server (see `_feature_weights`).
        alpha, lo, hi = cfg.alpha, cfg.clip_low, cfg.clip_high
        counts = profile.counts
        values = (device_id, country, net.org, net.network, browser, os)
        # Unrolled over the six features (a loop over zip() cost a tenth of a login); the arithmetic is the
        # same expression for each: log(p_pop * (total + alpha) / (count + alpha * p_pop)), clipped, weighted.
        log = math.log
        t_dev, t_country, t_org, t_net, t_browser, t_os = counts
        n_dev, n_country, n_org, n_net, n_browser, n_os = profile.totals
        w_dev, w_country, w_org, w_net, w_browser, w_os = self._feature_weights[anonymising]
        seen = [
            t_dev.get(device_id, 0),
            seen_country := t_country.get(country, 0),
            seen_org := t_org.get(net.org, 0),
            seen_network := t_net.get(net.network, 0),
            t_browser.get(browser, 0),
            t_os.get(os, 0),
        ]  # how often this account has had each value, in COUNTED's order (0: never)
        p = pop.device
        x_dev = log(p * (n_dev + alpha) / (seen[0] + alpha * p))
        x_dev = w_dev * (hi if x_dev > hi else lo if x_dev < lo else x_dev)
        p = pop.country
        x_country = log(p * (n_country + alpha) / (seen_country + alpha * p))
        x_country = w_country * (hi if x_country > hi else lo if x_country < lo else x_country)
        p = pop.org
        x_org = log(p * (n_org + alpha) / (seen_org + alpha * p))
        x_org = w_org * (hi if x_org > hi else lo if x_org < lo else x_org)
        p = pop.network
        x_net = log(p * (n_net + alpha) / (seen_network + alpha * p))
        x_net = w_net * (hi if x_net > hi else lo if x_net < lo else x_net)
        p = pop.browser.get(browser, self._other_browser)
        x_browser = log(p * (n_browser + alpha) / (seen[4] + alpha * p))
        x_browser = w_browser * (hi if x_browser > hi else lo if x_browser < lo else x_browser)
        p = pop.os.get(os, self._other_os)
        x_os = log(p * (n_os + alpha) / (seen[5] + alpha * p))
        x_os = w_os * (hi if x_os > hi else lo if x_os < lo else x_os)
        llr = 0.0 + x_dev + x_country + x_org + x_net + x_browser + x_os
        # each feature's share of the ratio, in FEATURES' order (explains a risky login)
        parts = [x_dev, x_country, x_org, x_net, x_browser, x_os]
        if profile.n_logins >= 10:  # the hour against the account's recent hours, smoothed the same way
            recent_hours = profile.hours
            p_pop = pop.hour[hour]
            p_user = (recent_hours[hour] + alpha * p_pop) / (sum(recent_hours) + alpha)
            hour_llr = min(hi, max(lo, self._log_pop_hour[hour] - math.log(p_user)))
        else:
            hour_llr = 0.0
        hour_part = self._w[6] * hour_llr
        parts.append(hour_part)
        llr = llr + hour_part if seasoned else 0.0
        signals: list[AccountSignal] = []
        rules: list[tuple[AccountDecision, str]] = []

        if seasoned and known_device is None:
            signals.append(
                AccountSignal(
                    "account.new_device",
                    0.3,
                    "first login from this device",
                    _det("device"),
                    {"device_id": device_id, "browser": browser, "os": os},
                )
            )
            known_os = counts[OS]
            if known_os and os != "other" and os not in known_os:
                signals.append(
                    AccountSignal(
                        "account.device_family_shift",
                        0.35,
                        f"a new device on {os}, never used on this account before",
                        _det("device"),
                        {"os": os, "known_os": sorted(known_os)[:4]},
                    )
                )
        if seasoned and seen_country == 0 and net.country:
            signals.append(
                AccountSignal(
                    "account.new_country",
                    0.2 if anonymising else 0.4,
                    f"first login from {country}",
                    _det("geo"),
                    {"country": country, "known_countries": self._top(counts[COUNTRY])},
                )
            )
        if seasoned and seen_network == 0 and seen_org == 0:
            signals.append(
                AccountSignal(
                    "account.new_network",
                    0.2,
                    f"first login from {net.org or 'an unknown network'}",
                    _det("geo"),
                    {"network": net.network, "org": net.org},
                )
            )
        if profile.verified_country and net.country and net.country != profile.verified_country and not anonymising:
            signals.append(
                AccountSignal(
                    "account.country_mismatch",
                    0.2 if seen_country >= 5 else 0.3,
                    f"login from {country}, owner verified in {profile.verified_country}",
                    _det("geo"),
                    {"country": country, "verified_country": profile.verified_country},
                )
            )
        if anonymising:
            signals.append(
                AccountSignal(
                    "account.anonymising_network",
                    0.15,
                    f"{net.type.value} network ({net.org}); allowed alone",
                    _det("network"),
                    {"network_type": net.type.value, "org": net.org},
                )
            )
        # impossible travel, between two logins from where people actually are
        last = profile.last_login
        if (
            last is not None
            and last[3] != country
            and not anonymising
            and not last[4]
            and net.lat is not None
            and last[1] is not None
        ):
            km = great_circle_km(last[1], last[2], net.lat, net.lon or 0.0)
            hours = max((ev.ts - last[0]) / HOUR, 1 / 60)
            if km >= s["impossible_min_km"] and km / hours > s["impossible_speed_kmh"]:
                signals.append(
                    AccountSignal(
                        "account.impossible_travel",
                        0.6,
                        f"{km:.0f} km from {last[3]} in {hours:.1f} h",
                        _det("travel"),
                        {"from": last[3], "to": country, "km": round(km), "hours": round(hours, 2)},
                    )
                )
                if known_device is None or last[5] != device_id:
                    rules.append((_CHALLENGE, "login-impossible-travel"))
        # sessions still open on other devices
        cluster = self._assign_cluster(profile, device_id, known_device, net, country, ev.ts)
        cutoff = ev.ts - s["session_open_hours"] * HOUR
        for sid, (other_device, other_country, other_cluster, started) in list(profile.sessions.items()):
            if started < cutoff:
                del profile.sessions[sid]
                continue
            other = profile.devices.get(other_device)
            other_cluster = other.cluster if other is not None else other_cluster
            if other_device == device_id or other_cluster == cluster.id:
                continue
            foreign = other_country != country and not anonymising
            signals.append(
                AccountSignal(
                    "account.concurrent_session",
                    0.6 if foreign else 0.35,
                    f"session {sid} still open on another device" + (f" in {other_country}" if foreign else ""),
                    _det("sessions"),
                    {"other_device": other_device, "other_country": other_country},
                )
            )
            theirs = _cluster_by_id(profile.clusters, other_cluster)
            if theirs is not None and all(c.home and self._established(c) for c in (theirs, cluster)):
                self._add(profile, "account.shared", v["shared_concurrent"])
            if foreign and known_device is None:
                rules.append((_CHALLENGE, "login-concurrent-foreign"))
            break
        # the account-level picture: operators, hand-overs, rotating networks, working hours
        self._operators(profile, cluster, country, ev.ts, signals)
        device = self._touch_device(profile, device_id, known_device, os, cluster.id, net, ev.ts, llr)
        if cluster.id != profile.owner_cluster and len({o for o in device.orgs}) >= v["proxy_rotation_orgs"]:
            self._add(profile, "account.proxy", v["proxy_per_login"])
            signals.append(
                AccountSignal(
                    "account.network_rotation",
                    0.5,
                    f"this device used {len(set(device.orgs))} network operators lately",
                    _det("network"),
                    {"orgs": sorted(set(device.orgs))[:6]},
                )
            )
        # Working hours are judged at home only: an operator hiding behind the owner's own address or
        # country (remote desktop, a residential proxy) shows there, while abroad or behind a VPN the clock
        # of the address says little about the person's.
        home_table = counts[COUNTRY]
        at_home = bool(home_table) and not anonymising and seen_country >= max(home_table.values())
        base_mass = sum(profile.base_hours) if at_home else 0.0
        if at_home and base_mass >= 8.0:
            base_llr = self._base_hour_llr(profile, hour, base_mass)
            profile.hours_cusum = max(0.0, profile.hours_cusum + base_llr - v["hours_drift"])
            if profile.hours_cusum >= v["hours_alarm"]:
                self._add(profile, "account.proxy", v["proxy_hours_per_login"])
                signals.append(
                    AccountSignal(
                        "account.hours_shift",
                        0.4,
                        f"working hours moved: a login at {hour:02d}h local, unusual here",
                        _det("hours"),
                        {"local_hour": hour, "cusum": round(profile.hours_cusum, 2)},
                    )
                )
        if llr >= s["risky_login_llr"]:
            profile.last_risky = [ev.ts, device_id, llr]
            if cluster.id != profile.owner_cluster:
                self._add(profile, "account.takeover", v["takeover_risky_login"] * llr / s["risky_login_llr"])
        if llr >= self._p["challenge_llr"]:
            rules.append((_CHALLENGE, "login-unfamiliar"))
        if llr >= 5.0:
            top = sorted(
                ((k, round(x, 2)) for k, x in zip(FEATURES, parts, strict=True) if x > 0.5), key=lambda kv: -kv[1]
            )
            signals.append(
                AccountSignal(
                    "account.login_risk",
                    1.0 - math.exp(-llr / 10.0),
                    f"unfamiliar login: likelihood ratio e^{llr:.1f} against this account's history",
                    _det("risk"),
                    {"llr": round(llr, 2), "features": dict(top)},
                )
            )
        # learn, once judged (a failed login teaches nothing)
        if ev.success:
            self._learn(profile, values, seen, net, hour, ev.ts)
            if ev.session_id:
                profile.sessions[ev.session_id] = [device_id, country, cluster.id, ev.ts]
                while len(profile.sessions) > caps.sessions:
                    del profile.sessions[next(iter(profile.sessions))]
            profile.last_login = [ev.ts, net.lat, net.lon, country, anonymising, device_id]
        return self._decide(profile, ev, signals, llr, rules)

    def _learn(
        self, profile: Profile, values: tuple[str, ...], seen: list[int], net: NetInfo, hour: int, now: float
    ) -> None:
        """Count a judged login: `values` in COUNTED's order, seen `seen` times before (as `_login` read them
        from these very tables), and its local hour in both histograms."""
        caps = self.caps
        profile.n_logins += 1
        totals, cap = profile.totals, caps.values_per_feature
        for i, (table, value, c) in enumerate(zip(profile.counts, values, seen, strict=True)):
            if c:
                table[value] = c + 1
            else:
                if len(table) >= cap:  # full: the rarest value makes room
                    rarest = min(table, key=table.__getitem__)
                    totals[i] -= table.pop(rarest)
                table[value] = 1
        profile.totals = [n + 1 for n in totals]  # every feature counted one more login
        hours = profile.hours
        hours[hour] += 1.0
        if sum(hours) > caps.hour_mass:
            profile.hours = [h / 2 for h in hours]
        # the established hours: the first logins in full, later ones barely (a slow drift is absorbed)
        young = profile.first_ts is None or now - profile.first_ts < BASELINE_DAYS * DAY
        base = profile.base_hours
        base[hour] += 1.0 if young and profile.n_logins <= 30 else 0.03
        if sum(base) > caps.hour_mass:
            profile.base_hours = [h * 0.75 for h in base]
        offset = net.utc_offset
        if offset is not None and not net.anonymising:
            table = profile.counts[COUNTRY]
            if table[values[COUNTRY]] >= max(table.values()):
                profile.home_offset = offset

    @staticmethod
    def _top(table: dict[str, int], k: int = 3) -> list[str]:
        return sorted(table, key=lambda x: -table[x])[:k]

    def _touch_device(
        self,
        profile: Profile,
        device_id: str,
        device: Device | None,
        os: str,
        cluster: int,
        net: NetInfo,
        ts: float,
        llr: float,
    ) -> Device:
        """Count a login for its device (`device`, or a new record when None)."""
        if device is None:
            device = Device(first_ts=ts, last_ts=ts, n=0, os=os, cluster=cluster, first_llr=llr)
            profile.devices[device_id] = device
            if len(profile.devices) > self.caps.devices:
                oldest = min(profile.devices, key=lambda d: profile.devices[d].last_ts)
                del profile.devices[oldest]
        device.n += 1
        device.last_ts = ts
        device.cluster = cluster
        if net.type is _CONSUMER:
            device.orgs.append(net.org)
            if len(device.orgs) > self.caps.device_orgs:
                del device.orgs[0]
        return device

    # ------------------------------------------------------------------ operators

    def _assign_cluster(
        self, profile: Profile, device_id: str, known: Device | None, net: NetInfo, country: str, ts: float
    ) -> Cluster:
        """The operator of this login: the cluster holding its device or its household network (merged if both).
        `known` is the device's record, if the account has one."""
        caps = self.caps
        by_device = _cluster_by_id(profile.clusters, known.cluster) if known is not None else None
        if by_device is None:
            for c in profile.clusters:
                if device_id in c.devices:
                    by_device = c
                    break
        linkable = net.type in LINKABLE
        by_network = None
        if linkable:
            network = net.network
            for c in profile.clusters:
                if network in c.networks:
                    by_network = c
                    break
        if by_device is not None and by_network is not None and by_device is not by_network:
            keep, gone = sorted((by_device, by_network), key=lambda c: c.id)
            keep.devices = (keep.devices + [d for d in gone.devices if d not in keep.devices])[
                -caps.devices_per_cluster :
            ]
            keep.networks = (keep.networks + [n for n in gone.networks if n not in keep.networks])[
                -caps.networks_per_cluster :
            ]
            keep.n += gone.n
            keep.first_ts = min(keep.first_ts, gone.first_ts)
            keep.last_ts = max(keep.last_ts, gone.last_ts)
            keep.days += gone.days
            keep.countries = list(dict.fromkeys(keep.countries + gone.countries))[-4:]
            keep.home = keep.home or gone.home
            profile.clusters.remove(gone)
            if profile.owner_cluster == gone.id:
                profile.owner_cluster = keep.id
            for d in profile.devices.values():
                if d.cluster == gone.id:
                    d.cluster = keep.id
            cluster = keep
        else:
            found = by_device or by_network
            if found is None:
                found = Cluster(
                    id=profile.next_cluster, devices=[], networks=[], n=0, first_ts=ts, last_ts=ts, days=0, last_day=-1
                )
                profile.next_cluster += 1
                profile.clusters.append(found)
                if len(profile.clusters) > caps.clusters:
                    evict = min((c for c in profile.clusters if c.id != profile.owner_cluster), key=lambda c: c.last_ts)
                    profile.clusters.remove(evict)
            cluster = found
        if device_id not in cluster.devices:
            cluster.devices.append(device_id)
            del cluster.devices[: -caps.devices_per_cluster]
        if net.type is _CONSUMER:
            cluster.home = True
        if linkable and net.network not in cluster.networks:
            cluster.networks.append(net.network)
            del cluster.networks[: -caps.networks_per_cluster]
        if country not in cluster.countries:
            cluster.countries.append(country)
            del cluster.countries[:-4]
        if profile.owner_cluster is None:
            profile.owner_cluster = cluster.id
        return cluster

    def _established(self, c: Cluster) -> bool:
        return c.n >= self._v["established_logins"] and c.days >= 2

    def _operators(
        self, profile: Profile, cluster: Cluster, country: str, ts: float, signals: list[AccountSignal]
    ) -> None:
        """Count this login for its operator; a second established operator is sharing or a hand-over."""
        v = self._v
        day = int(ts // DAY)
        if cluster.last_day != day:
            cluster.days += 1
            cluster.last_day = day
        cluster.n += 1
        cluster.last_ts = ts
        owner = _cluster_by_id(profile.clusters, profile.owner_cluster)
        if owner is not None and not owner.home and cluster.home and cluster is not owner:
            # the first login came from a phone on the move; the owner is whoever first works from a home
            profile.owner_cluster, owner = cluster.id, cluster
        if owner is None or cluster is owner or not cluster.home or not self._established(cluster):
            return
        active = [c for c in profile.clusters if c.home and self._established(c) and ts - c.last_ts <= 30 * DAY]
        if len(active) >= 2:
            signals.append(
                AccountSignal(
                    "account.several_operators",
                    0.5,
                    f"{len(active)} distinct operators (devices and home networks never used together) in 30 days",
                    _det("operators"),
                    {"operators": len(active), "countries": sorted({x for c in active for x in c.countries})[:6]},
                )
            )
        silence = (ts - owner.last_ts) / DAY
        if silence <= v["overlap_days"]:
            foreign = country not in owner.countries
            self._add(
                profile, "account.shared", v["shared_per_login"] * (v["shared_foreign_factor"] if foreign else 1.0)
            )
        elif silence >= v["handover_silence_days"]:
            self._add(profile, "account.rented", v["rented_per_login"])
            signals.append(
                AccountSignal(
                    "account.handover",
                    0.5,
                    f"a new steady operator while the first has been silent {silence:.0f} days",
                    _det("operators"),
                    {"owner_silent_days": round(silence, 1)},
                )
            )

    # ------------------------------------------------------------------ payout change

    def _payout(self, profile: Profile, ev: AccountEvent, net: NetInfo) -> AccountResult:
        s, v = self._s, self._v
        signals: list[AccountSignal] = []
        rules: list[tuple[AccountDecision, str]] = []
        name, country = ev.beneficiary_name or "", ev.beneficiary_country or ""
        device = profile.devices.get(ev.device_id or "")
        if profile.verified_name and not same_person(name, profile.verified_name, s["name_match"]):
            signals.append(
                AccountSignal(
                    "account.payout_third_party",
                    0.8,
                    "beneficiary is not the verified owner",
                    _det("payout"),
                    {"beneficiary_name": name, "verified_name": profile.verified_name},
                )
            )
            rules.append((_HOLD, "payout-third-party"))
            self._add(profile, "account.takeover", v["takeover_payout_third_party"])
        trusted = (
            device is not None
            and device.n >= s["trusted_device_logins"]
            and ev.ts - device.first_ts >= s["trusted_device_days"] * DAY
            and device.cluster == profile.owner_cluster
        )
        after_risky = (
            profile.last_risky is not None and ev.ts - profile.last_risky[0] <= s["payout_after_risky_hours"] * HOUR
        )
        if not trusted:
            signals.append(
                AccountSignal(
                    "account.payout_untrusted_device",
                    0.5,
                    "payout changed from a device not yet trusted by this account",
                    _det("payout"),
                    {"device_id": ev.device_id, "device_logins": device.n if device else 0},
                )
            )
            rules.append((_HOLD, "payout-untrusted-device"))
        if after_risky:
            assert profile.last_risky is not None
            signals.append(
                AccountSignal(
                    "account.payout_after_risky_login",
                    0.6,
                    f"payout changed {(ev.ts - profile.last_risky[0]) / HOUR:.0f} h after a risky login",
                    _det("payout"),
                    {"risky_login_llr": round(profile.last_risky[2], 2)},
                )
            )
            rules.append((_HOLD, "payout-after-risky-login"))
        if not trusted or after_risky:
            self._add(profile, "account.takeover", v["takeover_payout_untrusted"])
        if profile.verified_country and country != profile.verified_country:
            signals.append(
                AccountSignal(
                    "account.payout_foreign",
                    0.3,
                    f"beneficiary in {country}, owner verified in {profile.verified_country}",
                    _det("payout"),
                    {"beneficiary_country": country, "verified_country": profile.verified_country},
                )
            )
            if not trusted:
                self._add(profile, "account.takeover", v["takeover_payout_foreign"])
        profile.beneficiaries.append([name, country, ev.ts])
        del profile.beneficiaries[: -self.caps.beneficiaries]
        return self._decide(profile, ev, signals, 0.0, rules)

    # ------------------------------------------------------------------ verdicts and policy

    def _fade(self, profile: Profile, ts: float) -> None:
        """Verdict scores halve every `half_life_days`, applied at each event of the account."""
        verdicts = profile.verdicts
        if verdicts and ts > profile.verdict_ts:
            factor = 0.5 ** ((ts - profile.verdict_ts) / (self._v["half_life_days"] * DAY))
            gone: list[str] = []
            for k, x in verdicts.items():  # in place (results hold copies): no new dictionary per event
                x = x * factor
                if x >= 0.001:
                    verdicts[k] = x  # an existing key: the dictionary does not change size while iterated
                else:
                    gone.append(k)
            for k in gone:
                del verdicts[k]
        profile.verdict_ts = ts

    @staticmethod
    def _add(profile: Profile, kind: str, amount: float) -> None:
        profile.verdicts[kind] = profile.verdicts.get(kind, 0.0) + amount

    def _decide(
        self,
        profile: Profile,
        ev: AccountEvent,
        signals: list[AccountSignal],
        llr: float,
        rules: list[tuple[AccountDecision, str]],
    ) -> AccountResult:
        verdicts = profile.verdicts
        if not verdicts and not rules:  # the common answer, without sorting or lookups
            kind, allow = _KIND_NAME[ev.kind], _ALLOW
            return AccountResult(ev.id, ev.account_id, kind, allow, "default-allow", tuple(signals), {}, llr)
        p = self._p
        if verdicts:
            kind, score = max(verdicts.items(), key=lambda kv: kv[1])
            if score >= p["review"]:
                level = _BLOCK if score >= p["block"] else _REVIEW
                rules.append((level, f"account-{_DECISION_NAME[level]}-{kind.removeprefix('account.')}"))
                for k, x in sorted(verdicts.items()):
                    if x >= p["review"]:
                        signals.append(
                            AccountSignal(
                                k,
                                min(1.0, x / p["block"]),
                                f"account-level evidence {x:.2f} (review from {p['review']})",
                                _det("verdicts"),
                                {"evidence": round(x, 3)},
                            )
                        )
        if not rules:
            return AccountResult(
                ev.id,
                ev.account_id,
                _KIND_NAME[ev.kind],
                _ALLOW,
                "default-allow",
                tuple(signals),
                dict(verdicts),
                llr,
            )
        rules.sort(key=lambda r: -r[0].severity)
        return AccountResult(
            ev.id,
            ev.account_id,
            _KIND_NAME[ev.kind],
            rules[0][0],
            rules[0][1],
            tuple(signals),
            dict(verdicts),
            llr,
            tuple(r[1] for r in rules),
        )
