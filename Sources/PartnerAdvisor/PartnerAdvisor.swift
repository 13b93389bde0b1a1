import PartnerCore

/// The AI Partner Advisor and AI Stand Coach: deterministic, explainable analytics over partner and
/// stand data. The forecasting and scoring methods arrive with the AI issue; insights record the
/// model version that produced them.
public enum PartnerAdvisor {
    public static let modelVersion = "advisor-1"
}
