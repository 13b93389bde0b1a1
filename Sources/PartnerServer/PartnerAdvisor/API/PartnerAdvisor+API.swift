import Foundation
import PartnerAPI
import PartnerAdvisor

// The Partner Advisor's values as the API shows them.

extension StoredPartnerInsight {
    /// The Stand Coach's insight mapping, with the partner the insight is about.
    var api: Components.Schemas.Insight {
        var mapped = StoredInsight(id: id, standID: nil, locationID: nil, subject: nil, insight: insight).api
        mapped.partnerId = partnerID.apiString
        return mapped
    }
}
