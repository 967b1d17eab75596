/// An `AttributeBooleanValue` input (`DisableApiTermination.Value=true`).
struct BooleanValueInput: Decodable, Sendable {
    let value: Bool?
    enum CodingKeys: String, CodingKey { case value = "Value" }
}
