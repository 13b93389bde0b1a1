// Tests for the Advisor's forecasting and scoring methods land with the methods (the AI issue).
import PartnerAdvisor
import Testing
