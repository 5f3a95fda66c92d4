// The shape of one country's address rules, as Google's libaddressinput metadata states them
// (see address-data.ts, generated). Field letters: N name, O organisation, A street lines,
// D dependent locality, C city, S region (state, province, prefecture), Z postal code, X sorting code.

export interface AddressRegion {
  /** What the post writes (US "NY", JP "東京都", ES "M"). */
  key: string;
  /** The ISO 3166-2 subdivision code after the country prefix, where libaddressinput has one. */
  iso?: string;
  /** The region's name when it differs from `key`. */
  name?: string;
  /** The name in Latin script, where the local one is not. */
  lname?: string;
  /** Regular expression for the postal codes that begin in this region. */
  zip?: string;
}

export interface CountryAddressRules {
  /** Line layout in the local script: %N, %O, %A, %C, %S, %Z, %n (new line). */
  fmt?: string;
  /** Layout in Latin script, where it differs (JP, CN, KR …). */
  lfmt?: string;
  /** Letters of the fields the post requires. */
  require?: string;
  /** Letters of the fields the post wants in capitals. */
  upper?: string;
  /** Regular expression for the whole postal code. */
  zip?: string;
  /** Example postal codes. */
  zipex?: string[];
  /** Valid regions, where one is required. */
  regions?: AddressRegion[];
}
