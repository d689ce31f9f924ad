length == 2 and .[0].municipality == "0153" and (.[1] | .name == "Regio Amersfoort (samenwerkende gemeenten)" and .municipality == "0307")
