ijw export: een bericht kan niet in .*/een-bestand geschreven worden: dat is geen map \(--out\)
