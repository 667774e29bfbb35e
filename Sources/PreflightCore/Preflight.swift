/// Facts about the tool itself.
public enum Preflight {
    public static let name = "preflight"
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/preflight-scan/preflight"
}
