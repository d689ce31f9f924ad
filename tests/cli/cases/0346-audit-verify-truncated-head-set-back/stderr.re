de keten is afgekapt: het ondertekende controlepunt van .* noemt regel 5, de database houdt op bij regel 4
