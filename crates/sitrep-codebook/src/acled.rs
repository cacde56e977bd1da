//! ACLED typing: event type, sub-event type and disorder type from a CAMEO code plus what
//! is known about the two actors and, optionally, the casualties and weapon.

use sitrep_core::Acled;

/// The facts about one actor that ACLED typing needs.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ActorSide<'a> {
    /// CAMEO/PLOVER sector code ("MIL", "REB", "CVL"); composite codes ("GOVMIL") are read
    /// three letters at a time.
    pub sector: Option<&'a str>,
    /// ACLED interaction code: 1 state forces, 2 rebels, 3 political militias, 4 identity
    /// militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
    pub acled_inter: Option<u8>,
}

impl<'a> From<&'a sitrep_core::ActorMention> for ActorSide<'a> {
    fn from(actor: &'a sitrep_core::ActorMention) -> Self {
        ActorSide {
            sector: actor.sector.as_deref(),
            acled_inter: actor.acled_inter,
        }
    }
}

/// The means of an attack, when the text names it. Several ACLED sub-event types are
/// defined by the weapon rather than by the actors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weapon {
    Chemical,
    /// Aircraft, helicopters, drones.
    AirOrDrone,
    /// Shelling, artillery, rockets, missiles, mortars.
    Artillery,
    /// Planted or remotely detonated explosives: IEDs, landmines, car bombs.
    RemoteExplosive,
    SuicideBomb,
    Grenade,
    /// Guns, live ammunition.
    Firearm,
    /// Knives, machetes, clubs, fists, fire.
    Melee,
}

/// Facts beyond the code and the actors that change the ACLED sub-event type.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct AcledHints {
    /// People reported killed in the event.
    pub killed: Option<u32>,
    pub weapon: Option<Weapon>,
    /// The attack was prevented: a bomb defused, a weapons cache or explosives seized.
    pub foiled: bool,
    /// An armed group set up a base or headquarters.
    pub base_established: bool,
    /// Territory changed hands without fighting.
    pub uncontested: bool,
}

/// The 25 ACLED sub-event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AcledSubEvent {
    ArmedClash,
    GovernmentRegainsTerritory,
    NonStateActorOvertakesTerritory,
    ChemicalWeapon,
    AirDroneStrike,
    SuicideBomb,
    ShellingArtilleryMissileAttack,
    RemoteExplosiveLandmineIed,
    Grenade,
    SexualViolence,
    Attack,
    AbductionForcedDisappearance,
    PeacefulProtest,
    ProtestWithIntervention,
    ExcessiveForceAgainstProtesters,
    ViolentDemonstration,
    MobViolence,
    Agreement,
    Arrests,
    ChangeToGroupActivity,
    DisruptedWeaponsUse,
    HeadquartersOrBaseEstablished,
    LootingPropertyDestruction,
    NonViolentTransferOfTerritory,
    Other,
}

/// All ACLED sub-event types, grouped by event type in ACLED's order.
pub const ACLED_SUBTYPES: [AcledSubEvent; 25] = {
    use AcledSubEvent::*;
    [
        ArmedClash,
        GovernmentRegainsTerritory,
        NonStateActorOvertakesTerritory,
        ChemicalWeapon,
        AirDroneStrike,
        SuicideBomb,
        ShellingArtilleryMissileAttack,
        RemoteExplosiveLandmineIed,
        Grenade,
        SexualViolence,
        Attack,
        AbductionForcedDisappearance,
        PeacefulProtest,
        ProtestWithIntervention,
        ExcessiveForceAgainstProtesters,
        ViolentDemonstration,
        MobViolence,
        Agreement,
        Arrests,
        ChangeToGroupActivity,
        DisruptedWeaponsUse,
        HeadquartersOrBaseEstablished,
        LootingPropertyDestruction,
        NonViolentTransferOfTerritory,
        Other,
    ]
};

impl AcledSubEvent {
    /// The sub-event type as ACLED writes it.
    pub fn name(self) -> &'static str {
        use AcledSubEvent::*;
        match self {
            ArmedClash => "Armed clash",
            GovernmentRegainsTerritory => "Government regains territory",
            NonStateActorOvertakesTerritory => "Non-state actor overtakes territory",
            ChemicalWeapon => "Chemical weapon",
            AirDroneStrike => "Air/drone strike",
            SuicideBomb => "Suicide bomb",
            ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack",
            RemoteExplosiveLandmineIed => "Remote explosive/landmine/IED",
            Grenade => "Grenade",
            SexualViolence => "Sexual violence",
            Attack => "Attack",
            AbductionForcedDisappearance => "Abduction/forced disappearance",
            PeacefulProtest => "Peaceful protest",
            ProtestWithIntervention => "Protest with intervention",
            ExcessiveForceAgainstProtesters => "Excessive force against protesters",
            ViolentDemonstration => "Violent demonstration",
            MobViolence => "Mob violence",
            Agreement => "Agreement",
            Arrests => "Arrests",
            ChangeToGroupActivity => "Change to group/activity",
            DisruptedWeaponsUse => "Disrupted weapons use",
            HeadquartersOrBaseEstablished => "Headquarters or base established",
            LootingPropertyDestruction => "Looting/property destruction",
            NonViolentTransferOfTerritory => "Non-violent transfer of territory",
            Other => "Other",
        }
    }

    /// The ACLED event type the sub-event type belongs to.
    pub fn event_type(self) -> &'static str {
        use AcledSubEvent::*;
        match self {
            ArmedClash | GovernmentRegainsTerritory | NonStateActorOvertakesTerritory => "Battles",
            ChemicalWeapon
            | AirDroneStrike
            | SuicideBomb
            | ShellingArtilleryMissileAttack
            | RemoteExplosiveLandmineIed
            | Grenade => "Explosions/Remote violence",
            SexualViolence | Attack | AbductionForcedDisappearance => "Violence against civilians",
            PeacefulProtest | ProtestWithIntervention | ExcessiveForceAgainstProtesters => {
                "Protests"
            }
            ViolentDemonstration | MobViolence => "Riots",
            Agreement
            | Arrests
            | ChangeToGroupActivity
            | DisruptedWeaponsUse
            | HeadquartersOrBaseEstablished
            | LootingPropertyDestruction
            | NonViolentTransferOfTerritory
            | Other => "Strategic developments",
        }
    }

    /// ACLED's disorder type. As in ACLED's data, excessive force against protesters counts
    /// as both political violence and a demonstration, and mob violence as political violence.
    pub fn disorder_type(self) -> &'static str {
        use AcledSubEvent::*;
        match self.event_type() {
            "Battles" | "Explosions/Remote violence" | "Violence against civilians" => {
                "Political violence"
            }
            "Strategic developments" => "Strategic developments",
            _ => match self {
                ExcessiveForceAgainstProtesters => "Political violence; Demonstrations",
                MobViolence => "Political violence",
                _ => "Demonstrations",
            },
        }
    }

    /// The label the CASE 2021 fine-grained event task uses for this sub-event type.
    pub fn case2021_label(self) -> &'static str {
        use AcledSubEvent::*;
        match self {
            ArmedClash => "ARMED_CLASH",
            GovernmentRegainsTerritory => "GOV_REGAINS_TERIT",
            NonStateActorOvertakesTerritory => "NON_STATE_ACTOR_OVERTAKES_TER",
            ChemicalWeapon => "CHEM_WEAP",
            AirDroneStrike => "AIR_STRIKE",
            SuicideBomb => "SUIC_BOMB",
            ShellingArtilleryMissileAttack => "ART_MISS_ATTACK",
            RemoteExplosiveLandmineIed => "REM_EXPLOS",
            Grenade => "GRENADE",
            SexualViolence => "SEX_VIOL",
            Attack => "ATTACK",
            AbductionForcedDisappearance => "ABDUCT_DISSAP",
            PeacefulProtest => "PEACE_PROTEST",
            ProtestWithIntervention => "PROTEST_WITH_INTER",
            ExcessiveForceAgainstProtesters => "FORCE_AGAINST_PROTEST",
            ViolentDemonstration => "VIOL_DEMONSTR",
            MobViolence => "MOB_VIOL",
            Agreement => "AGREEMENT",
            Arrests => "ARREST",
            ChangeToGroupActivity => "CHANGE_TO_GROUP_ACT",
            DisruptedWeaponsUse => "DISR_WEAP",
            HeadquartersOrBaseEstablished => "HQ_ESTABLISHED",
            LootingPropertyDestruction => "PROPERTY_DISTRUCT",
            NonViolentTransferOfTerritory => "NON_VIOL_TERRIT_TRANSFER",
            Other => "OTHER",
        }
    }

    /// The three ACLED fields as the document model holds them.
    pub fn to_acled(self) -> Acled {
        Acled {
            event_type: self.event_type().to_string(),
            sub_event_type: self.name().to_string(),
            disorder_type: self.disorder_type().to_string(),
        }
    }
}

/// An ACLED sub-event type and the id of the rule that chose it (for `Event::rules`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AcledDecision {
    pub sub_event: AcledSubEvent,
    pub rule: &'static str,
}

/// The ACLED event type, sub-event type and disorder type for a CAMEO code, given what is
/// known of the actors (sector codes such as "MIL", "REB", "CVL", and ACLED inter codes 1-8).
/// `None` where no ACLED type applies (most verbal events). Same as [`acled_with`] with no
/// hints.
///
/// # Actor roles
/// Each side is first given a role. The ACLED inter code decides when present (2 rebels,
/// 3-4 militias, 5 rioters, 6 protesters, 7 civilians, 1 state forces, 8 external forces),
/// except that inter 1 or 8 on an actor whose sectors are only unarmed institutions
/// (GOV LEG JUD; IGO MNC) marks an unarmed institution. Without an inter code the sector
/// decides: MIL COP SPY state forces; REB INS SEP IMG rebels; PRM UAF CRM militias; PKO
/// external forces; PRO protesters; GOV LEG JUD IGO MNC unarmed institutions; CVL REF EDU
/// HLH MED JRN BUS LAB AGR REL NGO NGM DEV ENV SOC ELI PTY OPP HRI civilians; otherwise
/// unknown. Composite sectors ("GOVMIL") take their most armed part. An unarmed institution
/// counts as an armed actor when it is the source of violence (it ordered it) and as
/// civilians when it is the target (ACLED codes attacks on unarmed officials and aid
/// agencies as violence against civilians).
///
/// # Decision table (first matching row wins)
/// | rule id | condition | sub-event type |
/// |---|---|---|
/// | `acled:hint-base` | hint `base_established` | Headquarters or base established |
/// | `acled:foiled` | hint `foiled`, and an explosive/remote code or weapon | Disrupted weapons use |
/// | `acled:agreement` | 0356 promise de-escalation, 0871 ceasefire; 057 sign agreement with a rebel, militia or forces named by sector | Agreement |
/// | `acled:peace-talks` | 046 negotiate, with a rebel or militia on either side | Agreement |
/// | `acled:retreat` | 0874 retreat or surrender, 0872 troops pulled out, by an armed actor | Non-violent transfer of territory |
/// | `acled:withdrawal` | 087 de-escalate, by an armed source | Non-violent transfer of territory |
/// | `acled:demobilize` | 0873 demobilize armed forces | Change to group/activity |
/// | `acled:protesters-arrested` | 173 against protesters | Protest with intervention |
/// | `acled:riot-policed` | 170, 172, 1721, 173, 174 against rioters | Violent demonstration |
/// | `acled:arrest` | 173 | Arrests |
/// | `acled:demonstrators-blockade` | 191 by protesters / by rioters | Peaceful protest / Violent demonstration |
/// | `acled:restriction` | 1722 ban, 1723 curfew, 1724 martial law, 191 blockade, 201 mass expulsion | Other |
/// | `acled:weapons-seized` | 171/1711 with a weapon named | Disrupted weapons use |
/// | `acled:demonstrators-damage` | 171x by rioters or protesters | Violent demonstration |
/// | `acled:looting` | 171x otherwise | Looting/property destruction |
/// | `acled:protest-dispersed` | 170, 172, 1721, 174 against protesters | Protest with intervention |
/// | `acled:territory-uncontested` | 192 with hint `uncontested` | Non-violent transfer of territory |
/// | `acled:territory-non-state` | 192 by rebels, militias or external forces | Non-state actor overtakes territory |
/// | `acled:territory-state` | 192 by the state | Government regains territory |
/// | `acled:territory-fight` | 192 by an unknown side against an armed side | Armed clash |
/// | `acled:armed-group-cooperation` | 06x with a rebel or militia on either side | Agreement |
/// | `acled:captives-released` | 0841 release of captives with a rebel or militia on either side | Agreement |
/// | `acled:mobilize` | 15x | Change to group/activity |
/// | `acled:armed-rampage` | 145x by an armed source | Looting/property destruction |
/// | `acled:riot-code` | 145x, or any 14x by rioters | Violent demonstration |
/// | `acled:protest` | other 14x | Peaceful protest |
/// | `acled:mob` | 1821 by rioters or civilians, not against protesters | Mob violence |
/// | `acled:excessive-force` | 1821 against protesters | Excessive force against protesters |
/// | `acled:sexual` | other 1821 | Sexual violence |
/// | `acled:abduction` | 181, 184 | Abduction/forced disappearance |
/// | `acled:excessive-force` | other violence (not 1822) against protesters by non-protesters, lethal | Excessive force against protesters |
/// | `acled:protest-intervention` | the same, not lethal | Protest with intervention |
/// | `acled:chemical` | 204, 2041, or weapon Chemical | Chemical weapon |
/// | `acled:suicide` | 1831, or weapon SuicideBomb | Suicide bomb |
/// | `acled:air` | 195, or weapon AirOrDrone | Air/drone strike |
/// | `acled:shelling` | 194, or weapon Artillery | Shelling/artillery/missile attack |
/// | `acled:grenade` | weapon Grenade | Grenade |
/// | `acled:remote-explosive` | 183, 1832, 1833, or weapon RemoteExplosive | Remote explosive/landmine/IED |
/// | `acled:mob` | violence by rioters against non-armed targets, or by civilians | Mob violence |
/// | `acled:riot-violence` | violence by protesters, by rioters against armed forces, or against rioters | Violent demonstration |
/// | `acled:torture` | 1822 (the victim is in custody, hence defenceless) | Attack |
/// | `acled:armed-vs-armed` | armed or unknown source, armed target | Armed clash |
/// | `acled:armed-vs-civilians` | armed or unknown source, civilian target | Attack |
/// | `acled:fighting` | 19x, target unknown | Armed clash |
/// | `acled:one-sided` | 18x, 20x, 175, target unknown | Attack |
///
/// "Violence" above means codes 175, 18x, 19x except 191/192, and 20x except 201 and 2042
/// (nuclear detonation has no ACLED type). "Lethal" means deaths reported, firearms, a
/// killing code (1823, 186, 202, 203), or an explosive, air, artillery or chemical means:
/// ACLED counts explosives and air strikes on a peaceful protest as excessive force against
/// protesters, not as remote violence. Everything else (01-13 apart from the rows above,
/// 16x, the rest of 17x, 176 cyber attacks) gives `None`.
pub fn acled(code: &str, source: ActorSide<'_>, target: ActorSide<'_>) -> Option<Acled> {
    acled_with(code, source, target, &AcledHints::default())
}

/// [`acled`] with casualty and weapon facts, which some sub-event types depend on.
pub fn acled_with(
    code: &str,
    source: ActorSide<'_>,
    target: ActorSide<'_>,
    hints: &AcledHints,
) -> Option<Acled> {
    acled_decision(code, source, target, hints).map(|d| d.sub_event.to_acled())
}

/// The role an actor plays for ACLED typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    StateForce,
    /// Government, legislature, judiciary: state, but unarmed.
    StateCivil,
    Rebel,
    Militia,
    External,
    /// International organisations and foreign companies without an armed sector
    /// (UN agencies, aid bodies): outside actors, but unarmed.
    OutsideCivil,
    Rioter,
    Protester,
    Civilian,
    Unknown,
}

impl Role {
    fn is_armed(self) -> bool {
        matches!(
            self,
            Role::StateForce | Role::Rebel | Role::Militia | Role::External
        )
    }

    /// An unarmed institution that is the source of violence ordered or carried it out
    /// through its forces.
    fn as_source(self) -> Role {
        match self {
            Role::StateCivil => Role::StateForce,
            Role::OutsideCivil => Role::External,
            r => r,
        }
    }

    /// An unarmed institution that is the target of violence is a civilian target: ACLED
    /// codes attacks on officials and aid agencies as violence against civilians.
    fn as_target(self) -> Role {
        match self {
            Role::StateCivil | Role::OutsideCivil => Role::Civilian,
            r => r,
        }
    }
}

fn sector_role(code: &str) -> Option<Role> {
    Some(match code {
        "MIL" | "COP" | "SPY" => Role::StateForce,
        "REB" | "INS" | "SEP" | "IMG" => Role::Rebel,
        "PRM" | "UAF" | "CRM" => Role::Militia,
        "PKO" => Role::External,
        "GOV" | "LEG" | "JUD" => Role::StateCivil,
        "IGO" | "MNC" => Role::OutsideCivil,
        "PRO" => Role::Protester,
        "CVL" | "REF" | "EDU" | "HLH" | "MED" | "JRN" | "BUS" | "LAB" | "AGR" | "REL" | "NGO"
        | "NGM" | "DEV" | "ENV" | "SOC" | "ELI" | "PTY" | "OPP" | "HRI" => Role::Civilian,
        _ => return None,
    })
}

/// The strongest role among the three-letter chunks of a sector code: armed before
/// unarmed institutions and protesters, before plain civilians.
fn role_from_sector(sector: &str) -> Option<Role> {
    let rank = |r: Role| match r {
        r if r.is_armed() => 0,
        Role::StateCivil | Role::OutsideCivil | Role::Protester => 1,
        _ => 2,
    };
    sector
        .trim()
        .as_bytes()
        .chunks(3)
        .filter_map(|chunk| sector_role(&std::str::from_utf8(chunk).ok()?.to_ascii_uppercase()))
        .min_by_key(|&r| rank(r))
}

/// The ACLED inter code decides, refined by the sector where the inter code lumps armed
/// and unarmed bodies together (1 covers the government, 8 covers UN agencies).
fn role(side: ActorSide<'_>) -> Role {
    let from_sector = side.sector.and_then(role_from_sector);
    let unarmed_institution = matches!(from_sector, Some(Role::StateCivil | Role::OutsideCivil));
    match side.acled_inter {
        Some(2) => Role::Rebel,
        Some(3 | 4) => Role::Militia,
        Some(5) => Role::Rioter,
        Some(6) => Role::Protester,
        Some(7) => Role::Civilian,
        Some(1 | 8) if unarmed_institution => from_sector.unwrap_or(Role::Unknown),
        Some(1) => Role::StateForce,
        Some(8) => Role::External,
        _ => from_sector.unwrap_or(Role::Unknown),
    }
}

fn is_violence(code: &str) -> bool {
    match &code[..2] {
        "18" => true,
        "19" => !matches!(code, "191" | "192"),
        "20" => !matches!(code, "201" | "2042"),
        _ => code == "175",
    }
}

/// The explosive or remote-weapon sub-event a code or weapon implies, if any.
fn remote_means(code: &str, weapon: Option<Weapon>) -> Option<AcledDecision> {
    use AcledSubEvent::*;
    let d = |sub_event, rule| Some(AcledDecision { sub_event, rule });
    match (code, weapon) {
        ("204" | "2041", _) | (_, Some(Weapon::Chemical)) => d(ChemicalWeapon, "acled:chemical"),
        ("1831", _) | (_, Some(Weapon::SuicideBomb)) => d(SuicideBomb, "acled:suicide"),
        ("195", _) | (_, Some(Weapon::AirOrDrone)) => d(AirDroneStrike, "acled:air"),
        ("194", _) | (_, Some(Weapon::Artillery)) => {
            d(ShellingArtilleryMissileAttack, "acled:shelling")
        }
        (_, Some(Weapon::Grenade)) => d(Grenade, "acled:grenade"),
        ("183" | "1832" | "1833", _) | (_, Some(Weapon::RemoteExplosive)) => {
            d(RemoteExplosiveLandmineIed, "acled:remote-explosive")
        }
        _ => None,
    }
}

/// Whether an actor makes a signed agreement a conflict event: a rebel group or militia, or
/// forces whose sector names them as armed. A country named alone carries inter 1 but is
/// its government, so two countries signing a deal are doing diplomacy.
fn is_conflict_party(side: ActorSide<'_>) -> bool {
    matches!(role(side), Role::Rebel | Role::Militia)
        || side
            .sector
            .and_then(role_from_sector)
            .is_some_and(Role::is_armed)
}

/// Codes whose CAMEO definition is a killing: used against protesters they are lethal
/// force even when the report gives no death toll ("troops killed protesters").
fn is_killing(code: &str) -> bool {
    matches!(code, "1823" | "186" | "202" | "203")
}

/// The ACLED sub-event type for a CAMEO code and the rule that chose it. See [`acled`] for
/// the decision table.
pub fn acled_decision(
    code: &str,
    source: ActorSide<'_>,
    target: ActorSide<'_>,
    hints: &AcledHints,
) -> Option<AcledDecision> {
    use AcledSubEvent::*;
    let code = crate::table::row(code)?.code;
    let (raw_src, raw_tgt) = (role(source), role(target));
    let (src, tgt) = (raw_src.as_source(), raw_tgt.as_target());
    let root = &code[..2];
    let d = |sub_event, rule| Some(AcledDecision { sub_event, rule });
    // ACLED records agreements only where an armed actor is a party: a treaty or trade deal
    // between two governments is diplomacy, not a conflict development.
    let armed_party = is_conflict_party(source) || is_conflict_party(target);
    let armed_group_party = [src, tgt]
        .iter()
        .any(|r| matches!(r, Role::Rebel | Role::Militia));

    if hints.base_established {
        return d(HeadquartersOrBaseEstablished, "acled:hint-base");
    }
    if hints.foiled && (remote_means(code, hints.weapon).is_some() || hints.weapon.is_some()) {
        return d(DisruptedWeaponsUse, "acled:foiled");
    }
    match code {
        // A ceasefire or a promise to de-escalate fighting is about armed conflict whoever
        // the parties are; a signed agreement only when an armed actor signs it.
        "0356" | "0871" => return d(Agreement, "acled:agreement"),
        "057" if armed_party => return d(Agreement, "acled:agreement"),
        // Peace talks with an armed group are an ACLED agreement event.
        "046" if armed_group_party => return d(Agreement, "acled:peace-talks"),
        // An armed force retreating or pulling its troops out leaves ground to whoever holds
        // it next, without a fight; civilians fleeing give up no territory.
        "0874" | "0872" if raw_src.is_armed() => return d(NonViolentTransferOfTerritory, "acled:retreat"),
        "087" if raw_src.is_armed() => return d(NonViolentTransferOfTerritory, "acled:withdrawal"),
        // Demobilising or disbanding forces changes what an armed group is and does.
        "0873" => return d(ChangeToGroupActivity, "acled:demobilize"),
        "173" if tgt == Role::Protester => {
            return d(ProtestWithIntervention, "acled:protesters-arrested")
        }
        // Arresting or dispersing rioters is the state's answer inside the riot: ACLED codes
        // the riot (there is no "riot with intervention"), not a separate arrest event.
        "170" | "172" | "1721" | "173" | "174" if tgt == Role::Rioter => {
            return d(ViolentDemonstration, "acled:riot-policed")
        }
        "173" => return d(Arrests, "acled:arrest"),
        // Demonstrators blocking roads are protesting (rioters, violently), not imposing a
        // blockade as an armed actor would.
        "191" if src == Role::Protester => {
            return d(PeacefulProtest, "acled:demonstrators-blockade")
        }
        "191" if src == Role::Rioter => {
            return d(ViolentDemonstration, "acled:demonstrators-blockade")
        }
        "1722" | "1723" | "1724" | "191" | "201" => return d(Other, "acled:restriction"),
        "171" | "1711" if hints.weapon.is_some() => {
            return d(DisruptedWeaponsUse, "acled:weapons-seized")
        }
        "171" | "1711" | "1712" if matches!(src, Role::Rioter | Role::Protester) => {
            return d(ViolentDemonstration, "acled:demonstrators-damage")
        }
        "171" | "1711" | "1712" => return d(LootingPropertyDestruction, "acled:looting"),
        "170" | "172" | "1721" | "174" if tgt == Role::Protester => {
            return d(ProtestWithIntervention, "acled:protest-dispersed")
        }
        "192" if hints.uncontested => {
            return d(NonViolentTransferOfTerritory, "acled:territory-uncontested")
        }
        "192" => {
            return match src {
                Role::Rebel | Role::Militia | Role::External => {
                    d(NonStateActorOvertakesTerritory, "acled:territory-non-state")
                }
                Role::StateForce => d(GovernmentRegainsTerritory, "acled:territory-state"),
                Role::Unknown if tgt.is_armed() => d(ArmedClash, "acled:territory-fight"),
                _ => None,
            }
        }
        _ => {}
    }
    match root {
        "06" if armed_group_party => return d(Agreement, "acled:armed-group-cooperation"),
        _ if code == "0841" && armed_group_party => return d(Agreement, "acled:captives-released"),
        "15" => return d(ChangeToGroupActivity, "acled:mobilize"),
        // Riots are by demonstrators and mobs; an organised armed group that loots, burns
        // or ransacks is destroying property, which ACLED types as a strategic development.
        "14" if code.starts_with("145") && raw_src.is_armed() => {
            return d(LootingPropertyDestruction, "acled:armed-rampage")
        }
        "14" if code.starts_with("145") || src == Role::Rioter => {
            return d(ViolentDemonstration, "acled:riot-code")
        }
        "14" => return d(PeacefulProtest, "acled:protest"),
        _ => {}
    }
    if !is_violence(code) {
        return None;
    }
    let remote = remote_means(code, hints.weapon);
    // CAMEO 193 is fighting with small arms: firing on protesters is lethal force whether
    // or not a toll is reported
    let lethal = hints.killed.is_some_and(|k| k > 0)
        || hints.weapon == Some(Weapon::Firearm)
        || code == "193"
        || is_killing(code)
        || remote.is_some();
    let mob = matches!(src, Role::Rioter | Role::Civilian);
    match code {
        // Violence against civilians needs an organised armed perpetrator: sexual violence by
        // a mob is mob violence, and against demonstrators it is excessive force.
        "1821" if mob && tgt != Role::Protester => return d(MobViolence, "acled:mob"),
        "1821" if tgt == Role::Protester => {
            return d(ExcessiveForceAgainstProtesters, "acled:excessive-force")
        }
        "1821" => return d(SexualViolence, "acled:sexual"),
        "181" | "184" => return d(AbductionForcedDisappearance, "acled:abduction"),
        _ => {}
    }
    // Peaceful demonstrators attacked by anyone but fellow demonstrators: a protest event,
    // even when the means is an explosive or an aircraft. Lethal means, deaths or a killing
    // make it excessive force; anything else, including rioters or armed men roughing up a
    // march, is a protest with intervention. Torture happens in custody, after the protest.
    if tgt == Role::Protester && src != Role::Protester && code != "1822" {
        return if lethal {
            d(ExcessiveForceAgainstProtesters, "acled:excessive-force")
        } else {
            d(ProtestWithIntervention, "acled:protest-intervention")
        };
    }
    if let Some(decision) = remote {
        return Some(decision);
    }
    match (src, tgt) {
        (Role::Rioter, t) if !t.is_armed() => d(MobViolence, "acled:mob"),
        (Role::Civilian, _) => d(MobViolence, "acled:mob"),
        (Role::Rioter | Role::Protester, _) | (_, Role::Rioter) => {
            d(ViolentDemonstration, "acled:riot-violence")
        }
        _ if code == "1822" => d(Attack, "acled:torture"),
        (_, t) if t.is_armed() => d(ArmedClash, "acled:armed-vs-armed"),
        (_, Role::Civilian) => d(Attack, "acled:armed-vs-civilians"),
        _ if root == "19" => d(ArmedClash, "acled:fighting"),
        _ => d(Attack, "acled:one-sided"),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn every_known_sector_has_an_acled_role() {
        for (code, _) in crate::sector::SECTORS {
            assert!(
                sector_role(code).is_some(),
                "sector {code} is known but has no ACLED role"
            );
        }
    }

    use super::*;
    use std::collections::HashSet;

    const NONE: ActorSide<'static> = ActorSide {
        sector: None,
        acled_inter: None,
    };
    const fn sec(s: &'static str) -> ActorSide<'static> {
        ActorSide {
            sector: Some(s),
            acled_inter: None,
        }
    }
    const fn inter(i: u8) -> ActorSide<'static> {
        ActorSide {
            sector: None,
            acled_inter: Some(i),
        }
    }
    const fn both(s: &'static str, i: u8) -> ActorSide<'static> {
        ActorSide {
            sector: Some(s),
            acled_inter: Some(i),
        }
    }
    const NO_HINTS: AcledHints = AcledHints {
        killed: None,
        weapon: None,
        foiled: false,
        base_established: false,
        uncontested: false,
    };
    const fn killed(n: u32) -> AcledHints {
        AcledHints {
            killed: Some(n),
            ..NO_HINTS
        }
    }
    const fn weapon(w: Weapon) -> AcledHints {
        AcledHints {
            weapon: Some(w),
            ..NO_HINTS
        }
    }

    use AcledSubEvent::*;

    /// (what the sentence would say, code, source, target, hints, expected sub-event)
    #[allow(clippy::type_complexity)]
    const CASES: &[(
        &str,
        &str,
        ActorSide<'static>,
        ActorSide<'static>,
        AcledHints,
        Option<AcledSubEvent>,
    )] = &[
        (
            "soldiers fought rebels",
            "190",
            sec("MIL"),
            sec("REB"),
            NO_HINTS,
            Some(ArmedClash),
        ),
        (
            "soldiers opened fire on marchers, no toll given",
            "193",
            sec("MIL"),
            inter(6),
            NO_HINTS,
            Some(ExcessiveForceAgainstProtesters),
        ),
        (
            "militia fired on police",
            "193",
            inter(3),
            sec("COP"),
            NO_HINTS,
            Some(ArmedClash),
        ),
        (
            "heavy fighting broke out",
            "190",
            NONE,
            NONE,
            NO_HINTS,
            Some(ArmedClash),
        ),
        (
            "gunmen ambushed a patrol",
            "180",
            NONE,
            sec("MIL"),
            NO_HINTS,
            Some(ArmedClash),
        ),
        (
            "the truce was broken by the rebels",
            "196",
            sec("REB"),
            NONE,
            NO_HINTS,
            Some(ArmedClash),
        ),
        (
            "the army retook the town",
            "192",
            sec("MIL"),
            sec("REB"),
            NO_HINTS,
            Some(GovernmentRegainsTerritory),
        ),
        (
            "insurgents seized the district",
            "192",
            sec("INS"),
            sec("MIL"),
            NO_HINTS,
            Some(NonStateActorOvertakesTerritory),
        ),
        (
            "unknown fighters captured a base",
            "192",
            NONE,
            sec("MIL"),
            NO_HINTS,
            Some(ArmedClash),
        ),
        (
            "the group occupied the square",
            "192",
            NONE,
            sec("CVL"),
            NO_HINTS,
            None,
        ),
        (
            "rebels moved into the town after troops left",
            "192",
            sec("REB"),
            NONE,
            AcledHints {
                uncontested: true,
                ..NO_HINTS
            },
            Some(NonViolentTransferOfTerritory),
        ),
        (
            "troops pulled out of the border town",
            "0874",
            sec("MIL"),
            NONE,
            NO_HINTS,
            Some(NonViolentTransferOfTerritory),
        ),
        (
            "sarin was used on the suburb",
            "2041",
            sec("MIL"),
            sec("CVL"),
            NO_HINTS,
            Some(ChemicalWeapon),
        ),
        (
            "jets bombed the market",
            "195",
            sec("MIL"),
            sec("CVL"),
            NO_HINTS,
            Some(AirDroneStrike),
        ),
        (
            "a drone hit a convoy",
            "190",
            NONE,
            sec("REB"),
            weapon(Weapon::AirOrDrone),
            Some(AirDroneStrike),
        ),
        (
            "a bomber blew himself up",
            "1831",
            NONE,
            sec("CVL"),
            NO_HINTS,
            Some(SuicideBomb),
        ),
        (
            "a suicide car bomb hit the checkpoint",
            "1832",
            NONE,
            sec("COP"),
            weapon(Weapon::SuicideBomb),
            Some(SuicideBomb),
        ),
        (
            "artillery pounded the village",
            "194",
            sec("MIL"),
            NONE,
            NO_HINTS,
            Some(ShellingArtilleryMissileAttack),
        ),
        (
            "rockets landed on the city",
            "190",
            NONE,
            NONE,
            weapon(Weapon::Artillery),
            Some(ShellingArtilleryMissileAttack),
        ),
        (
            "a roadside bomb killed two soldiers",
            "1833",
            NONE,
            sec("MIL"),
            killed(2),
            Some(RemoteExplosiveLandmineIed),
        ),
        (
            "a car bomb went off",
            "1832",
            NONE,
            NONE,
            NO_HINTS,
            Some(RemoteExplosiveLandmineIed),
        ),
        (
            "a bomb exploded near a school",
            "183",
            NONE,
            sec("EDU"),
            NO_HINTS,
            Some(RemoteExplosiveLandmineIed),
        ),
        (
            "a grenade was thrown into a bar",
            "183",
            NONE,
            sec("CVL"),
            weapon(Weapon::Grenade),
            Some(Grenade),
        ),
        (
            "a grenade hit a police post",
            "190",
            NONE,
            sec("COP"),
            weapon(Weapon::Grenade),
            Some(Grenade),
        ),
        (
            "fighters raped women",
            "1821",
            sec("REB"),
            sec("CVL"),
            NO_HINTS,
            Some(SexualViolence),
        ),
        (
            "gunmen killed villagers",
            "1823",
            sec("UAF"),
            sec("CVL"),
            killed(5),
            Some(Attack),
        ),
        (
            "militants killed a mayor",
            "1823",
            sec("REB"),
            both("GOV", 1),
            NO_HINTS,
            Some(Attack),
        ),
        (
            "troops shot refugees",
            "193",
            sec("MIL"),
            sec("REF"),
            NO_HINTS,
            Some(Attack),
        ),
        (
            "an unknown attacker stabbed a journalist",
            "182",
            NONE,
            sec("JRN"),
            weapon(Weapon::Melee),
            Some(Attack),
        ),
        (
            "a massacre took place",
            "202",
            NONE,
            NONE,
            NO_HINTS,
            Some(Attack),
        ),
        (
            "detained fighters were tortured",
            "1822",
            sec("MIL"),
            sec("REB"),
            NO_HINTS,
            Some(Attack),
        ),
        (
            "a minister was assassinated",
            "186",
            NONE,
            sec("GOV"),
            NO_HINTS,
            Some(Attack),
        ),
        (
            "the regime cracked down on villagers",
            "175",
            sec("GOV"),
            sec("CVL"),
            NO_HINTS,
            Some(Attack),
        ),
        (
            "bandits kidnapped students",
            "181",
            inter(3),
            sec("EDU"),
            NO_HINTS,
            Some(AbductionForcedDisappearance),
        ),
        (
            "villagers used as human shields",
            "184",
            sec("REB"),
            sec("CVL"),
            NO_HINTS,
            Some(AbductionForcedDisappearance),
        ),
        (
            "protesters marched",
            "141",
            inter(6),
            sec("GOV"),
            NO_HINTS,
            Some(PeacefulProtest),
        ),
        (
            "workers went on strike",
            "143",
            sec("LAB"),
            NONE,
            NO_HINTS,
            Some(PeacefulProtest),
        ),
        (
            "farmers blocked a highway",
            "1442",
            sec("AGR"),
            NONE,
            NO_HINTS,
            Some(PeacefulProtest),
        ),
        (
            "police tear-gassed protesters",
            "175",
            sec("COP"),
            inter(6),
            NO_HINTS,
            Some(ProtestWithIntervention),
        ),
        (
            "police beat demonstrators",
            "182",
            both("COP", 1),
            inter(6),
            NO_HINTS,
            Some(ProtestWithIntervention),
        ),
        (
            "police arrested protesters",
            "173",
            sec("COP"),
            inter(6),
            NO_HINTS,
            Some(ProtestWithIntervention),
        ),
        (
            "police dispersed the protest",
            "170",
            sec("COP"),
            inter(6),
            NO_HINTS,
            Some(ProtestWithIntervention),
        ),
        (
            "troops shot dead protesters",
            "193",
            sec("MIL"),
            inter(6),
            killed(3),
            Some(ExcessiveForceAgainstProtesters),
        ),
        (
            "police fired live rounds at a march",
            "175",
            sec("COP"),
            inter(6),
            weapon(Weapon::Firearm),
            Some(ExcessiveForceAgainstProtesters),
        ),
        (
            "a crowd burned tyres and threw stones",
            "145",
            inter(6),
            sec("COP"),
            NO_HINTS,
            Some(ViolentDemonstration),
        ),
        (
            "rioters demonstrated",
            "141",
            inter(5),
            NONE,
            NO_HINTS,
            Some(ViolentDemonstration),
        ),
        (
            "rioters clashed with police",
            "190",
            inter(5),
            sec("COP"),
            NO_HINTS,
            Some(ViolentDemonstration),
        ),
        (
            "police fought rioters",
            "190",
            sec("COP"),
            inter(5),
            NO_HINTS,
            Some(ViolentDemonstration),
        ),
        (
            "rioters smashed shop windows",
            "1712",
            inter(5),
            sec("BUS"),
            NO_HINTS,
            Some(ViolentDemonstration),
        ),
        (
            "a mob lynched a suspect",
            "1823",
            inter(5),
            sec("CVL"),
            killed(1),
            Some(MobViolence),
        ),
        (
            "villagers attacked a neighbouring village",
            "180",
            sec("CVL"),
            sec("CVL"),
            NO_HINTS,
            Some(MobViolence),
        ),
        (
            "the parties signed a peace deal",
            "057",
            sec("GOV"),
            sec("REB"),
            NO_HINTS,
            Some(Agreement),
        ),
        (
            "the sides declared a ceasefire",
            "0871",
            sec("MIL"),
            sec("REB"),
            NO_HINTS,
            Some(Agreement),
        ),
        (
            "the rebels agreed to a truce",
            "0356",
            sec("REB"),
            sec("GOV"),
            NO_HINTS,
            Some(Agreement),
        ),
        (
            "the militia freed hostages",
            "0841",
            inter(3),
            sec("CVL"),
            NO_HINTS,
            Some(Agreement),
        ),
        (
            "two armed groups joined forces",
            "062",
            sec("REB"),
            inter(3),
            NO_HINTS,
            Some(Agreement),
        ),
        (
            "two countries expanded trade",
            "061",
            sec("GOV"),
            sec("GOV"),
            NO_HINTS,
            None,
        ),
        (
            "police arrested an opposition leader",
            "173",
            sec("COP"),
            sec("OPP"),
            NO_HINTS,
            Some(Arrests),
        ),
        (
            "troops were deployed to the north",
            "154",
            sec("MIL"),
            NONE,
            NO_HINTS,
            Some(ChangeToGroupActivity),
        ),
        (
            "soldiers defused a bomb",
            "1833",
            sec("MIL"),
            NONE,
            AcledHints {
                foiled: true,
                weapon: Some(Weapon::RemoteExplosive),
                ..NO_HINTS
            },
            Some(DisruptedWeaponsUse),
        ),
        (
            "police seized a weapons cache",
            "1711",
            sec("COP"),
            sec("REB"),
            weapon(Weapon::Firearm),
            Some(DisruptedWeaponsUse),
        ),
        (
            "the group set up a camp",
            "154",
            sec("REB"),
            NONE,
            AcledHints {
                base_established: true,
                ..NO_HINTS
            },
            Some(HeadquartersOrBaseEstablished),
        ),
        (
            "fighters looted the market",
            "171",
            sec("REB"),
            sec("BUS"),
            NO_HINTS,
            Some(LootingPropertyDestruction),
        ),
        (
            "soldiers burned homes",
            "1712",
            sec("MIL"),
            sec("CVL"),
            NO_HINTS,
            Some(LootingPropertyDestruction),
        ),
        (
            "a curfew was imposed",
            "1723",
            sec("GOV"),
            NONE,
            NO_HINTS,
            Some(Other),
        ),
        (
            "the city was besieged",
            "191",
            sec("MIL"),
            NONE,
            NO_HINTS,
            Some(Other),
        ),
        (
            "the minister criticised the rebels",
            "111",
            sec("GOV"),
            sec("REB"),
            NO_HINTS,
            None,
        ),
        (
            "the president met his counterpart",
            "040",
            sec("GOV"),
            sec("GOV"),
            NO_HINTS,
            None,
        ),
        (
            "the UN demanded a ceasefire",
            "1056",
            NONE,
            NONE,
            NO_HINTS,
            None,
        ),
        ("sanctions were imposed", "163", NONE, NONE, NO_HINTS, None),
        (
            "hackers attacked a ministry website",
            "176",
            NONE,
            sec("GOV"),
            NO_HINTS,
            None,
        ),
        // Boundaries audited against the ACLED codebook (round 8); the first group was
        // typed differently before.
        (
            "troops killed protesters (no toll given)",
            "1823",
            sec("MIL"),
            inter(6),
            NO_HINTS,
            Some(ExcessiveForceAgainstProtesters),
        ),
        (
            "a bomb went off at a rally",
            "183",
            NONE,
            inter(6),
            NO_HINTS,
            Some(ExcessiveForceAgainstProtesters),
        ),
        (
            "a drone struck the demonstrators",
            "190",
            NONE,
            sec("PRO"),
            weapon(Weapon::AirOrDrone),
            Some(ExcessiveForceAgainstProtesters),
        ),
        (
            "a mob sexually assaulted a woman",
            "1821",
            inter(5),
            sec("CVL"),
            NO_HINTS,
            Some(MobViolence),
        ),
        (
            "soldiers sexually assaulted women at the sit-in",
            "1821",
            sec("MIL"),
            inter(6),
            NO_HINTS,
            Some(ExcessiveForceAgainstProtesters),
        ),
        (
            "rioters set upon a peaceful march",
            "180",
            inter(5),
            inter(6),
            NO_HINTS,
            Some(ProtestWithIntervention),
        ),
        (
            "police rounded up rioters",
            "173",
            sec("COP"),
            inter(5),
            NO_HINTS,
            Some(ViolentDemonstration),
        ),
        (
            "police broke up the riot",
            "170",
            sec("COP"),
            inter(5),
            NO_HINTS,
            Some(ViolentDemonstration),
        ),
        (
            "demonstrators blocked the highway",
            "191",
            inter(6),
            NONE,
            NO_HINTS,
            Some(PeacefulProtest),
        ),
        (
            "rioters barricaded the roads",
            "191",
            inter(5),
            NONE,
            NO_HINTS,
            Some(ViolentDemonstration),
        ),
        (
            "two governments signed a trade accord",
            "057",
            sec("GOV"),
            sec("GOV"),
            NO_HINTS,
            None,
        ),
        (
            "the government opened talks with the rebels",
            "046",
            sec("GOV"),
            sec("REB"),
            NO_HINTS,
            Some(Agreement),
        ),
        (
            "two ministers negotiated a budget",
            "046",
            sec("GOV"),
            sec("GOV"),
            NO_HINTS,
            None,
        ),
        (
            "the militia demobilised its fighters",
            "0873",
            inter(3),
            NONE,
            NO_HINTS,
            Some(ChangeToGroupActivity),
        ),
        (
            "detained protesters were tortured",
            "1822",
            sec("COP"),
            inter(6),
            NO_HINTS,
            Some(Attack),
        ),
        (
            "two countries signed a trade deal",
            "057",
            inter(1),
            inter(1),
            NO_HINTS,
            None,
        ),
        (
            "rebel fighters ransacked the town",
            "145",
            sec("REB"),
            NONE,
            NO_HINTS,
            Some(LootingPropertyDestruction),
        ),
        (
            "children fled the village",
            "0874",
            sec("CVL"),
            NONE,
            NO_HINTS,
            None,
        ),
        (
            "the army withdrew its troops from the zone",
            "0872",
            sec("MIL"),
            NONE,
            NO_HINTS,
            Some(NonViolentTransferOfTerritory),
        ),
        (
            "troops pulled back from the town",
            "087",
            sec("MIL"),
            NONE,
            NO_HINTS,
            Some(NonViolentTransferOfTerritory),
        ),
        (
            "the government pledged to ease tensions",
            "087",
            sec("GOV"),
            NONE,
            NO_HINTS,
            None,
        ),
        // Boundaries that already held.
        (
            "counter-demonstrators attacked the march",
            "180",
            inter(6),
            inter(6),
            NO_HINTS,
            Some(ViolentDemonstration),
        ),
        (
            "an IED struck an army convoy",
            "1833",
            NONE,
            sec("MIL"),
            NO_HINTS,
            Some(RemoteExplosiveLandmineIed),
        ),
        (
            "an air strike hit a displaced persons camp",
            "195",
            inter(8),
            sec("REF"),
            killed(12),
            Some(AirDroneStrike),
        ),
        (
            "shells fell on a village",
            "190",
            sec("MIL"),
            sec("CVL"),
            weapon(Weapon::Artillery),
            Some(ShellingArtilleryMissileAttack),
        ),
        (
            "villagers beat a thief to death",
            "1823",
            sec("CVL"),
            sec("CVL"),
            killed(1),
            Some(MobViolence),
        ),
        (
            "gunmen opened fire on a march",
            "193",
            sec("UAF"),
            inter(6),
            weapon(Weapon::Firearm),
            Some(ExcessiveForceAgainstProtesters),
        ),
        (
            "the government and the rebels signed a peace accord",
            "057",
            both("GOV", 1),
            both("REB", 2),
            NO_HINTS,
            Some(Agreement),
        ),
        (
            "foreign troops captured the port",
            "192",
            inter(8),
            sec("MIL"),
            NO_HINTS,
            Some(NonStateActorOvertakesTerritory),
        ),
        (
            "militiamen abducted aid workers",
            "181",
            inter(4),
            sec("NGO"),
            NO_HINTS,
            Some(AbductionForcedDisappearance),
        ),
        (
            "the army made a statement",
            "010",
            sec("MIL"),
            NONE,
            NO_HINTS,
            None,
        ),
        (
            "the rebels accused the army of atrocities",
            "112",
            sec("REB"),
            sec("MIL"),
            NO_HINTS,
            None,
        ),
        (
            "the rebels threatened to attack",
            "138",
            sec("REB"),
            sec("MIL"),
            NO_HINTS,
            None,
        ),
        ("not a code", "999", sec("MIL"), sec("REB"), NO_HINTS, None),
    ];

    #[test]
    fn decision_table() {
        for (what, code, src, tgt, hints, want) in CASES {
            let got = acled_decision(code, *src, *tgt, hints).map(|d| d.sub_event);
            assert_eq!(got, *want, "{what} ({code})");
        }
    }

    #[test]
    fn every_sub_event_type_is_reachable() {
        let reached: HashSet<AcledSubEvent> = CASES.iter().filter_map(|c| c.5).collect();
        for sub in ACLED_SUBTYPES {
            assert!(
                reached.contains(&sub),
                "{} is not reached by any case",
                sub.name()
            );
        }
    }

    #[test]
    fn names_types_and_disorder_are_consistent() {
        assert_eq!(
            ACLED_SUBTYPES
                .iter()
                .map(|s| s.name())
                .collect::<HashSet<_>>()
                .len(),
            25
        );
        let types: HashSet<_> = ACLED_SUBTYPES.iter().map(|s| s.event_type()).collect();
        assert_eq!(types.len(), 6);
        let acled = AcledSubEvent::ExcessiveForceAgainstProtesters.to_acled();
        assert_eq!(
            (
                acled.event_type.as_str(),
                acled.sub_event_type.as_str(),
                acled.disorder_type.as_str()
            ),
            (
                "Protests",
                "Excessive force against protesters",
                "Political violence; Demonstrations"
            )
        );
        assert_eq!(
            AcledSubEvent::PeacefulProtest.disorder_type(),
            "Demonstrations"
        );
        assert_eq!(
            AcledSubEvent::ViolentDemonstration.disorder_type(),
            "Demonstrations"
        );
        assert_eq!(
            AcledSubEvent::AirDroneStrike.disorder_type(),
            "Political violence"
        );
        assert_eq!(
            AcledSubEvent::Arrests.disorder_type(),
            "Strategic developments"
        );
    }

    #[test]
    fn case2021_labels_match_the_reference_list() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/ref/case2021/event_types.txt"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            eprintln!("skipping: {path} not present");
            return;
        };
        // One label a line: the 25 ACLED sub-event types.
        let listed: HashSet<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let ours: HashSet<&str> = ACLED_SUBTYPES.iter().map(|s| s.case2021_label()).collect();
        assert_eq!(ours, listed);
    }

    #[test]
    fn every_rule_id_is_documented() {
        // Rule ids go into `Event::rules`; the decision table in the doc comment must name
        // each one the code can emit.
        let source = include_str!("acled.rs");
        let (docs, code) = source.split_at(source.find("pub fn acled(").unwrap());
        let code = &code[..code.find("#[cfg(test)]").unwrap()];
        let mut emitted = HashSet::new();
        for piece in code.split('"').skip(1).step_by(2) {
            if let Some(name) = piece.strip_prefix("acled:") {
                assert!(
                    name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                    "odd rule id {piece}"
                );
                assert!(
                    docs.contains(&format!("`{piece}`")),
                    "{piece} missing from the decision table"
                );
                emitted.insert(piece);
            }
        }
        assert_eq!(emitted.len(), 43, "{emitted:?}");
    }

    #[test]
    fn roles_from_inter_and_sector() {
        let cases: &[(ActorSide<'static>, Role)] = &[
            (inter(1), Role::StateForce),
            (both("GOV", 1), Role::StateCivil),
            (both("GOVMIL", 1), Role::StateForce),
            (sec("govmil"), Role::StateForce),
            (both("CVL", 6), Role::Protester),
            (both("REB", 3), Role::Militia),
            (sec("IGO"), Role::OutsideCivil),
            (both("IGO", 8), Role::OutsideCivil),
            (both("IGOMIL", 8), Role::External),
            (inter(8), Role::External),
            (sec("PRO"), Role::Protester),
            (sec("CVLPRO"), Role::Protester),
            (sec("OPP"), Role::Civilian),
            (sec("UAF"), Role::Militia),
            (NONE, Role::Unknown),
        ];
        for (side, want) in cases {
            assert_eq!(role(*side), *want, "{side:?}");
        }
    }

    #[test]
    fn side_from_actor_mention() {
        let actor = sitrep_core::ActorMention {
            span: sitrep_core::Span::new(0, 6),
            head: sitrep_core::Span::new(0, 6),
            sentence: 0,
            kind: sitrep_core::ActorKind::Agent,
            name: "rebels".into(),
            code: "REB".into(),
            country: None,
            sector: Some("REB".into()),
            acled_inter: Some(2),
            refers_to: None,
            rules: vec![],
        };
        assert_eq!(ActorSide::from(&actor), both("REB", 2));
    }

    #[test]
    fn acled_without_hints_matches_decision() {
        let a = acled("1831", NONE, sec("CVL")).unwrap();
        assert_eq!(a.event_type, "Explosions/Remote violence");
        assert_eq!(a.sub_event_type, "Suicide bomb");
        assert_eq!(a.disorder_type, "Political violence");
        assert_eq!(acled("010", NONE, NONE), None);
    }
}
