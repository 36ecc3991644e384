import Foundation

/// The words and numbers of the indicator table ("Mittarit") in the report language.
extension ReportStrings {
    public var indicatorsSheet: String { pick("Mittarit", "Indikatorer", "Indicators") }
    public var indicatorSeriesSheet: String { pick("Mittarisarjat", "Indikatorserier", "Indicator series") }
    public var indicatorsTitle: String {
        pick("Mittarit: lähtötaso, viimeisin arvo ja tavoite", "Indikatorer: utgångsnivå, senaste värde och mål",
             "Indicators: baseline, latest value and target")
    }
    public var indicator: String { pick("Mittari", "Indikator", "Indicator") }
    public var unit: String { pick("Yksikkö", "Enhet", "Unit") }
    public var baseline: String { pick("Lähtötaso", "Utgångsnivå", "Baseline") }
    public var latest: String { pick("Viimeisin", "Senaste", "Latest") }
    public var target: String { pick("Tavoite", "Mål", "Target") }
    public var change: String { pick("Muutos lähtötasosta", "Förändring från utgångsnivån", "Change from baseline") }
    public var progressToTarget: String { pick("Matkasta tavoitteeseen", "Andel av vägen till målet", "Way to the target covered") }
    public var expectedByNow: String { pick("Tavoitteen mukaan nyt", "Enligt målet nu", "Expected by now") }
    public var indicatorStatus: String { pick("Tila", "Läge", "Status") }
    public var trend: String { pick("Kehitys", "Utveckling", "Trend") }
    public var year: String { pick("Vuosi", "År", "Year") }
    public var period: String { pick("Ajankohta", "Tidpunkt", "Period") }
    public var value: String { pick("Arvo", "Värde", "Value") }
    public var statisticsSource: String { pick("Lähde", "Källa", "Source") }
    public var noIndicatorTheme: String { pick("Muut mittarit", "Övriga indikatorer", "Other indicators") }
    public var statusSetByHand: String { pick("tila arvioitu käsin", "läget bedömt manuellt", "status set by hand") }
    public var oldData: String { pick("vanha tieto", "gammal uppgift", "old data") }
    public var missingValues: String { pick("puuttuu", "saknas", "missing") }
    /// Column headers: the periods without a value, and a missing value's symbol (`..`).
    public var missingPeriodsColumn: String { pick("Puuttuvat arvot", "Saknade värden", "Missing values") }
    public var missingSymbolColumn: String { pick("Puuttuvan tiedon merkki", "Tecken för saknad uppgift", "Missing-value symbol") }
    public var notPublished: String { pick("ei julkaistu", "ej publicerat", "not published") }
    /// Beside an indicator whose figures are examples, not statistics.
    public var exampleFigure: String { pick("esimerkkiluku", "exempeltal", "example figure") }
    public var exampleFigures: String {
        pick("esimerkkiluvut, ei tilasto", "exempeltal, inte statistik", "example figures, not statistics")
    }
    public var exampleTargetNote: String { pick("tavoite on esimerkki", "målet är ett exempel", "the target is an example") }

    public func indicatorStatusLabel(_ status: IndicatorStatus) -> String {
        switch status {
        case .achieved: pick("Tavoite saavutettu", "Målet nått", "Target reached")
        case .onTrack: pick("Etenee tavoitteen mukaan", "Framskrider enligt målet", "On track")
        case .behind: pick("Etenee, mutta jäljessä tavoitteesta", "Framskrider, men släpar efter målet", "Moving, but behind the target")
        case .wrongWay: pick("Ei ole edennyt tavoitteen suuntaan", "Har inte gått mot målet", "Not moving towards the target")
        case .noData: pick("Ei tietoa", "Ingen uppgift", "No data")
        }
    }

    public func directionLabel(_ direction: IndicatorDirection) -> String {
        switch direction {
        case .higher: pick("suurempi on parempi", "högre är bättre", "higher is better")
        case .lower: pick("pienempi on parempi", "lägre är bättre", "lower is better")
        case .band: pick("tavoitevälillä", "inom målintervallet", "within the target range")
        }
    }

    /// A number as the reader writes it: `1 234,5` (no-break spaces) in Finnish and Swedish,
    /// `1,234.5` in English; `decimals` places.
    public func decimal(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value < 0 ? "-∞" : "∞") }
        let scale = pow(10.0, Double(decimals))
        let rounded = (abs(value) * scale).rounded()
        // Past 2^53 a Double holds no exact integers (and past Int.max none fit an Int): a figure
        // that large from a statistics file is written with its digits as printed, no decimals.
        guard rounded < 9_007_199_254_740_992 else {
            return grouped(String(format: "%.0f", abs(value)), negative: value < 0)
        }
        let whole = Int(rounded / scale)
        var text = number(whole)
        if decimals > 0 {
            let fraction = Int(rounded.truncatingRemainder(dividingBy: scale))
            let digits = String(fraction)
            text += (language == .en ? "." : ",") + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return (value < 0 && rounded > 0 ? "-" : "") + text
    }

    /// A value with its unit: `7,8 %` (a no-break space before the sign), `124 025 henkilöä`.
    public func measure(_ value: Double, decimals: Int, unit: String) -> String {
        let number = decimal(value, decimals: decimals)
        guard !unit.isEmpty else { return number }
        if unit == "%" { return withPercentSign(number) }
        return "\(number) \(unit)"
    }

    /// A change with its sign: `+4 743`, `-1,2`; percentage points for a `%` unit.
    public func signedChange(_ value: Double, decimals: Int, unit: String) -> String {
        let number = decimal(abs(value), decimals: decimals)
        let sign = value > 0 && number != decimal(0, decimals: decimals) ? "+" : value < 0 && number != decimal(0, decimals: decimals) ? "-" : "±"
        let points = unit == "%" ? " " + pick("%-yks.", "%-enh.", "pp") : unit.isEmpty ? "" : " " + unit
        return "\(sign)\(number)\(points)"
    }

    /// `Kehitys 2017–2023: 118 209 → 124 025 henkilöä`, the text a screen reader gives for a chart.
    public func trendDescription(_ points: [IndicatorPoint], decimals: Int, unit: String) -> String {
        let values = points.filter { $0.value != nil }
        guard let first = values.first, let last = values.last else { return "\(trend): \(indicatorStatusLabel(.noData))" }
        return "\(trend) \(first.period)–\(last.period): \(decimal(first.value!, decimals: decimals)) → \(measure(last.value!, decimals: decimals, unit: unit))"
    }
}
