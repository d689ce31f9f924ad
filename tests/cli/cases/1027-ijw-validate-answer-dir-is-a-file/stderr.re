ijw validate: het antwoord kan niet in .*/een-bestand geschreven worden: dat is geen map \(--antwoord\)
