de keten is afgekapt: het ondertekende controlepunt van .* noemt regel 6, de database houdt op bij regel 5
