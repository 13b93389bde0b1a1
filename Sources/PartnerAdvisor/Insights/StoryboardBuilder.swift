/// Writes an insight's storyboard from its scorecard: the headline states the score and level;
/// "what happened" is the caller's summary of the facts; "why" names the factors that cost the most
/// points and the strongest one, with their measurements and points; "what next" is the most urgent
/// recommendations. Every number in the sentences is one of the factors' or the caller's.
public enum StoryboardBuilder {
    public static func build(
        subject: String, title: String, scorecard: Scorecard, summary: String, recommendations: [InsightRecommendation]
    ) -> Storyboard {
        let headline = "\(subject): \(title) \(scorecard.score)/100 — \(scorecard.level.rawValue)"
        let happened = "\(summary) Score \(scorecard.score) of 100 (\(scorecard.level.band))."
        return Storyboard(
            headline: headline, whatHappened: happened, why: why(scorecard), whatNext: next(recommendations, level: scorecard.level))
    }

    static func why(_ scorecard: Scorecard) -> String {
        let ranked = scorecard.weakest
        let losing = ranked.filter { $0.shortfall >= 0.5 }.prefix(2)
        func phrase(_ component: Scorecard.Component) -> String {
            "\(component.label.lowercasedFirst) at \(component.display) (\(scorecard.contribution(of: component.key)) of "
                + "\(Int(component.weight.rounded())) points)"
        }
        guard let first = losing.first else {
            return "Every factor earned its full points: " + ranked.map(phrase).joined(separator: ", ") + "."
        }
        var sentence = "The score is held back most by " + losing.map(phrase).joined(separator: " and ") + "."
        if let best = ranked.last(where: { $0.key != first.key && !losing.contains($0) && $0.weight > 0 }) {
            sentence += " Strongest: " + phrase(best) + "."
        }
        return sentence
    }

    static func next(_ recommendations: [InsightRecommendation], level: InsightLevel) -> String {
        let ordered = recommendations.sorted { $0.priority < $1.priority }
        guard let first = ordered.first else {
            return level == .good ? "Nothing needs doing now; keep the routine." : "Review the factors above at the next visit."
        }
        var sentence = "First: " + first.rationale.endingWithPeriod
        if ordered.count > 1 { sentence += " Then: " + ordered[1].rationale.endingWithPeriod }
        if ordered.count > 2 { sentence += " (+\(ordered.count - 2) more)" }
        return sentence
    }
}

extension String {
    var lowercasedFirst: String {
        guard let first else { return self }
        // Keep acronyms (SKU, MASE) as they are.
        if dropFirst().first?.isUppercase == true { return self }
        return first.lowercased() + dropFirst()
    }

    var endingWithPeriod: String {
        hasSuffix(".") || hasSuffix("!") || hasSuffix("?") ? self : self + "."
    }
}
