ijw export: een bericht kan niet in .*/nergens geschreven worden: de map bestaat niet \(--out\)
