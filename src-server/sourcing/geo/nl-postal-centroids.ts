/**
 * Netherlands: approximate centre of each PC2 area (first two digits of the 4-digit postcode),
 * as [lat, lon], placed on the area's main town. Good to a few tens of km.
 */
export const NL_PC2_CENTROIDS: Readonly<Record<string, readonly [number, number]>> = {
  '10': [52.37, 4.9], // Amsterdam
  '11': [52.31, 4.94], // Amsterdam-Zuidoost, Diemen, Amstelveen
  '12': [52.23, 5.18], // Hilversum, Huizen
  '13': [52.37, 5.22], // Almere
  '14': [52.45, 4.98], // Purmerend, Bussum, Aalsmeer
  '15': [52.46, 4.8], // Zaandam, Zaanstad
  '16': [52.68, 5.05], // Hoorn, Enkhuizen
  '17': [52.8, 4.85], // Heerhugowaard, Schagen, Den Helder
  '18': [52.63, 4.75], // Alkmaar
  '19': [52.5, 4.65], // Beverwijk, IJmuiden, Castricum
  '20': [52.38, 4.64], // Haarlem
  '21': [52.3, 4.62], // Hoofddorp, Heemstede, Lisse
  '22': [52.22, 4.45], // Noordwijk, Katwijk
  '23': [52.16, 4.49], // Leiden
  '24': [52.13, 4.66], // Alphen aan den Rijn
  '25': [52.08, 4.3], // Den Haag
  '26': [52.01, 4.36], // Delft, Pijnacker
  '27': [52.06, 4.5], // Zoetermeer
  '28': [52.02, 4.7], // Gouda
  '29': [51.92, 4.6], // Capelle aan den IJssel, Ridderkerk
  '30': [51.92, 4.48], // Rotterdam
  '31': [51.91, 4.35], // Schiedam, Vlaardingen
  '32': [51.85, 4.25], // Spijkenisse, Hellevoetsluis
  '33': [51.81, 4.67], // Dordrecht
  '34': [52.05, 5.0], // Nieuwegein, Woerden
  '35': [52.09, 5.12], // Utrecht
  '36': [52.15, 5.03], // Maarssen, Breukelen
  '37': [52.1, 5.25], // Zeist, De Bilt
  '38': [52.16, 5.39], // Amersfoort
  '39': [52.03, 5.55], // Veenendaal, Rhenen
  '40': [51.89, 5.43], // Tiel
  '41': [51.95, 5.15], // Culemborg, Leerdam
  '42': [51.83, 4.97], // Gorinchem
  '43': [51.65, 3.92], // Zierikzee
  '44': [51.5, 3.89], // Goes
  '45': [51.32, 3.5], // Oostburg, Terneuzen
  '46': [51.49, 4.29], // Bergen op Zoom
  '47': [51.53, 4.46], // Roosendaal
  '48': [51.59, 4.78], // Breda
  '49': [51.64, 4.86], // Oosterhout
  '50': [51.56, 5.09], // Tilburg
  '51': [51.68, 5.05], // Waalwijk, Kaatsheuvel
  '52': [51.69, 5.3], // 's-Hertogenbosch
  '53': [51.8, 5.25], // Zaltbommel
  '54': [51.66, 5.62], // Uden
  '55': [51.4, 5.4], // Veldhoven, Valkenswaard
  '56': [51.44, 5.48], // Eindhoven
  '57': [51.48, 5.66], // Helmond
  '58': [51.53, 5.98], // Venray
  '59': [51.37, 6.17], // Venlo
  '60': [51.25, 5.71], // Weert
  '61': [51.05, 5.85], // Sittard, Echt
  '62': [50.85, 5.69], // Maastricht
  '63': [50.86, 5.85], // Valkenburg, Gulpen
  '64': [50.89, 5.98], // Heerlen
  '65': [51.84, 5.86], // Nijmegen
  '66': [51.81, 5.68], // Wijchen, Druten
  '67': [52.0, 5.68], // Ede, Wageningen
  '68': [51.98, 5.91], // Arnhem
  '69': [51.93, 6.07], // Zevenaar
  '70': [51.96, 6.3], // Doetinchem
  '71': [51.97, 6.72], // Winterswijk
  '72': [52.14, 6.2], // Zutphen
  '73': [52.21, 5.97], // Apeldoorn
  '74': [52.25, 6.16], // Deventer
  '75': [52.22, 6.89], // Enschede
  '76': [52.36, 6.66], // Almelo
  '77': [52.55, 6.55], // Hardenberg, Ommen
  '78': [52.78, 6.9], // Emmen
  '79': [52.72, 6.45], // Hoogeveen, Meppel
  '80': [52.51, 6.09], // Zwolle
  '81': [52.4, 6.27], // Raalte
  '82': [52.52, 5.6], // Lelystad, Kampen
  '83': [52.71, 5.75], // Emmeloord
  '84': [52.96, 6.0], // Heerenveen
  '85': [52.93, 5.75], // Joure, Lemmer
  '86': [53.03, 5.66], // Sneek
  '87': [53.06, 5.5], // Bolsward
  '88': [53.18, 5.5], // Franeker, Harlingen
  '89': [53.2, 5.8], // Leeuwarden
  '90': [53.15, 5.9], // Grou
  '91': [53.33, 6.0], // Dokkum
  '92': [53.11, 6.1], // Drachten
  '93': [53.14, 6.43], // Roden, Leek
  '94': [52.99, 6.56], // Assen
  '95': [52.99, 6.95], // Stadskanaal
  '96': [53.16, 6.76], // Hoogezand
  '97': [53.22, 6.57], // Groningen
  '98': [53.25, 6.4], // Zuidhorn
  '99': [53.32, 6.86], // Delfzijl, Appingedam
};
