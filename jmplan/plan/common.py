"""The common list: indicators that many cities' informatization plans share,
under one key each, so that plans which name them differently can be compared.

An indicator in plan.yaml says which one it is with `same_as: KEY`; an
indicator whose own key is a common key is that indicator without saying so.
A plan folder extends the list with a `common:` section in its plan.yaml.
The keys follow the Jiangmen plan's, the first the list was written for.
"""

from __future__ import annotations

from .kinds import INCREASE, Direction
from .problems import Source
from .tuples import NamedTuple


class CommonIndicator(NamedTuple):
    key: str
    name_zh: str
    name_en: str
    unit: str  # the unit comparisons convert every plan's values to
    direction: Direction = INCREASE
    where: Source = Source("")  # where a plan folder defined it; empty for jmplan's own


def _entries(*rows: tuple[str, str, str, str]) -> dict[str, CommonIndicator]:
    return {key: CommonIndicator(key, zh, en, unit) for key, zh, en, unit in rows}


# key, Chinese name, English name, unit. All are "more is better".
COMMON: dict[str, CommonIndicator] = _entries(
    # network infrastructure
    ("fibre_length", "光缆线路长度", "Fibre-optic cable length", "km"),
    ("bandwidth", "互联网出口带宽", "Internet exit bandwidth", "Gbps"),
    ("base_stations", "移动通信基站数", "Mobile base stations", "个"),
    ("base_stations_5g", "5G基站数", "5G base stations", "个"),
    ("wifi_aps", "WiFi接入点", "WiFi access points", "个"),
    # covered (光纤覆盖用户, Jiangmen's figure: homes the fibre network reaches) is not
    # subscribed (光纤接入用户, homes that take a fibre line): two keys, never compared
    ("fibre_users", "光纤覆盖用户", "Users covered by fibre", "户"),
    ("fibre_subscribers", "光纤接入用户", "Fibre subscribers", "户"),
    ("broadband_users", "固定宽带用户", "Fixed broadband subscribers", "户"),
    ("fibre_to_home", "光纤入户率", "Fibre-to-the-home rate", "%"),
    ("broadband_coverage", "固定宽带家庭覆盖率", "Fixed broadband household coverage", "%"),
    ("broadband_penetration", "固定宽带家庭普及率", "Fixed broadband household penetration", "%"),
    ("internet_penetration", "互联网普及率", "Internet penetration", "%"),
    ("mobile_broadband_penetration", "3G/4G用户普及率", "3G/4G subscriber penetration", "%"),
    ("urban_household_bandwidth", "城市家庭宽带接入能力", "Urban household broadband access speed", "Mbps"),
    ("rural_household_bandwidth", "农村家庭宽带接入能力", "Rural household broadband access speed", "Mbps"),
    ("village_broadband", "行政村通宽带比例", "Administrative villages with broadband", "%"),
    ("public_wifi", "公共场所无线宽带普及率", "Wireless broadband in public places", "%"),
    ("school_network", "中小学校园网比例", "Schools with a campus network", "%"),
    ("radio_tv_coverage", "广播电视入户覆盖率", "Radio and TV household coverage", "%"),
    # government and public services
    ("online_services", "公共服务事项网上办理率", "Share of public services handled online", "%"),
    ("open_data", "政府公共数据开放共享比率", "Share of government data opened and shared", "%"),
    ("social_security_card", "社会保障卡普及率", "Social security card penetration", "%"),
    ("health_records", "电子健康档案覆盖率", "Electronic health record coverage", "%"),
    # economy
    ("ecommerce", "电子商务交易额", "E-commerce transaction volume", "亿元"),
    ("online_retail", "网络零售额", "Online retail sales", "亿元"),
    ("enterprise_it", "企业信息技术应用率", "IT adoption rate of enterprises", "%"),
    ("electronic_output", "电子信息产业产值", "Output of the electronic information industry", "亿元"),
    ("digital_economy_share", "数字经济核心产业增加值占GDP比重", "Digital economy core industries, share of GDP", "%"),
)
