broken\.json: \$\.forms\[0\]\.indication\.needs\.livelihood: livelihood hoort volgens domains bij hulp uit een ander domein
