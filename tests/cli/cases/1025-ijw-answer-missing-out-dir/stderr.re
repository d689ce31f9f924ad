ijw answer: het antwoord kan niet in .*/nergens geschreven worden: de map bestaat niet \(--out\)
